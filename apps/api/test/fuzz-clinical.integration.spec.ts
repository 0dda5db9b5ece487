import { describeFuzz } from './fuzz/fuzz-harness';
import { fuzzGroup } from './fuzz/fuzz-groups';

// Property-based requests from the committed OpenAPI document (see docs/architecture.md, "Fuzz suite").
describeFuzz('clinical', (operation) => fuzzGroup(operation) === 'clinical');
