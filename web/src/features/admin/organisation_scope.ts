import type { Organisation, OrganisationScopeInput } from './api/organisations_api';

/**
 * An organisation's scope (SPEC.md "Roles"): where a facility is, which job
 * categories a coordinating organisation covers, which 二次医療圏 an
 * aggregator serves. Other kinds have none.
 */
export type ScopeField = keyof ScopeValues;

/** The scope as the form's inputs hold it, for every kind at once (switching the kind keeps what was chosen). */
export interface ScopeValues {
  municipality: string;
  address: string;
  categories: string[];
  areas: string[];
}

export const EMPTY_SCOPE: ScopeValues = { municipality: '', address: '', categories: [], areas: [] };

const SCOPE_FIELDS_BY_KIND: Readonly<Record<string, readonly ScopeField[]>> = {
  facility: ['municipality', 'address'],
  coordinator_org: ['categories'],
  aggregator: ['areas'],
};

/** The scope fields an organisation of this kind has; none for the other kinds (or no kind chosen yet). */
export function scopeFieldsOf(kind: string): readonly ScopeField[] {
  return SCOPE_FIELDS_BY_KIND[kind] ?? [];
}

/**
 * The kind's own fields, ready to send; the server refuses a field of another
 * kind. An empty text or list is sent as it is: on a change it clears the field
 * (no municipality, all categories, the whole prefecture).
 */
export function scopeInputFor(kind: string, values: ScopeValues): OrganisationScopeInput {
  const input: OrganisationScopeInput = {};
  for (const field of scopeFieldsOf(kind)) {
    switch (field) {
      case 'municipality':
        input.municipality = values.municipality;
        break;
      case 'address':
        input.address = values.address.trim();
        break;
      case 'categories':
        input.categories = [...values.categories];
        break;
      case 'areas':
        input.areas = [...values.areas];
        break;
    }
  }
  return input;
}

/** A registered organisation's scope as the edit form starts with it. */
export function scopeValuesOf(organisation: Organisation): ScopeValues {
  return {
    municipality: organisation.municipality ?? '',
    address: organisation.address ?? '',
    categories: [...organisation.categories],
    areas: [...organisation.areas],
  };
}
