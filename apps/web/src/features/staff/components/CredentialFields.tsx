import { ActionIcon, Fieldset, Select, SimpleGrid, TextInput, Tooltip } from '@mantine/core';
import { LICENCE_TYPES, type LicenceType } from '@skinledger/domain';
import { LICENCE_TYPE_LABELS } from '@web/lib/words/clinicWords';
import { IconTrash } from '@tabler/icons-react';
import type { FieldErrors } from '@web/lib/problems/describeProblem';
import { credentialField, type CredentialDraft, type CredentialInput } from '@web/features/staff/credentialDrafts';
import { spell } from '@web/lib/words/clinicWords';

const LICENCE_OPTIONS = LICENCE_TYPES.map((type) => ({ value: type, label: LICENCE_TYPE_LABELS[type] }));
const isLicenceType = (value: string | null): value is LicenceType => LICENCE_TYPES.some((t) => t === value);

interface CredentialFieldsProps {
  index: number;
  draft: CredentialDraft;
  errors: FieldErrors;
  onChange: (draft: CredentialDraft) => void;
  onRemove: () => void;
  /** Called with the error key of the edited field, so its error can be cleared. */
  onEdited: (errorKey: string) => void;
}

/** One licence: type, number, issuing jurisdiction and expiry date. */
export function CredentialFields({ index, draft, errors, onChange, onRemove, onEdited }: CredentialFieldsProps) {
  const legend = `Credential ${index + 1}`;
  const set = <K extends keyof CredentialDraft & keyof CredentialInput>(key: K, value: CredentialDraft[K]) => {
    onChange({ ...draft, [key]: value });
    onEdited(credentialField(index, key));
  };
  return (
    <Fieldset legend={legend} variant="filled" p="sm" pt={4} pos="relative" radius="sm">
      <Tooltip label="Remove this credential" withArrow>
        <ActionIcon aria-label={`Remove credential ${index + 1}`} onClick={onRemove} pos="absolute" top={4} right={4} size="md">
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs" mt={4}>
        <Select
          label={spell('Licence type')}
          data={LICENCE_OPTIONS}
          value={draft.licenceType}
          onChange={(value) => isLicenceType(value) && set('licenceType', value)}
          allowDeselect={false}
          error={errors[credentialField(index, 'licenceType')]}
        />
        <TextInput
          label={spell('Licence number')}
          value={draft.licenceNumber}
          onChange={(e) => set('licenceNumber', e.currentTarget.value)}
          error={errors[credentialField(index, 'licenceNumber')]}
          autoComplete="off"
        />
        <TextInput
          label="Jurisdiction"
          placeholder="State, province or country"
          value={draft.jurisdiction}
          onChange={(e) => set('jurisdiction', e.currentTarget.value)}
          error={errors[credentialField(index, 'jurisdiction')]}
          autoComplete="off"
        />
        <TextInput
          label="Expiry date"
          type="date"
          value={draft.expiresOn}
          onChange={(e) => set('expiresOn', e.currentTarget.value)}
          error={errors[credentialField(index, 'expiresOn')]}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
