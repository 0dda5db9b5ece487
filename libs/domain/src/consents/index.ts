export * from './kinds';
export * from './placeholders';
export * from './validity';
export * from './canonical-json';
export * from './signed-content';
export * from './markdown-blocks';
export * from './default-templates';
export * from './required-kinds';
