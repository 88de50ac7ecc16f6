import { describe, expect, it } from 'vitest';
import { emptyProfileForm, PROFILE_FORM_FIELDS } from './profile_form_values';
import { missesRequired, PROFILE_SECTIONS, sectionOfField } from './profile_sections';

describe('PROFILE_SECTIONS', () => {
  it('puts every field of the form in exactly one section', () => {
    const placed = PROFILE_SECTIONS.flatMap((section) => [...section.fields]);
    expect([...placed].sort()).toEqual([...PROFILE_FORM_FIELDS].sort());
  });

  it('finds the sections that still lack a required answer', () => {
    const values = { ...emptyProfileForm('山田 花子'), categories: ['nurse'] };
    expect(PROFILE_SECTIONS.filter((section) => missesRequired(section, values)).map((section) => section.key)).toEqual(['work', 'place']);
    expect(sectionOfField('areas')?.key).toBe('place');
    expect(sectionOfField('licences.0.number')?.key).toBe('identity');
  });
});
