import type { JSONSchema } from '@typescript-eslint/utils';

/**
 * The `guards` option of the URL rules (`no-ssrf`, `no-open-redirect`): names of the project's own
 * check functions. One schema, with the description each rule gives of what its guards check.
 */
export function guardsOption(description: string): JSONSchema.JSONSchema4 {
  return {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description,
  };
}
