import { describe, expect, it } from 'vitest';
import { EMPTY_POSTING_FORM } from '../posting_form_values';
import { postingSchema } from './posting_schema';

function failedFields(complete: boolean, values = EMPTY_POSTING_FORM): string[] {
  const result = postingSchema(() => complete).safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0])).sort();
}

describe('posting schema', () => {
  it('lets a draft through with whatever is filled', () => {
    expect(failedFields(false, { ...EMPTY_POSTING_FORM, title: '下書き' })).toEqual([]);
    expect(failedFields(false)).toEqual([]);
  });

  it('still checks what a draft has filled in', () => {
    const wrong = {
      ...EMPTY_POSTING_FORM,
      start_date: '2027-05-01',
      end_date: '2027-04-01',
      positions: '0',
      'workplace.postal_code': '123',
      'contact.email': 'x',
    };
    expect(failedFields(false, wrong)).toEqual(['contact.email', 'end_date', 'positions', 'workplace.postal_code']);
  });

  it('asks for every required field to publish', () => {
    expect(failedFields(true)).toEqual(
      [
        'title',
        'category',
        'employment',
        'start_date',
        'urgency',
        'duties',
        'training_agreed',
        'workplace.postal_code',
        'workplace.prefecture',
        'workplace.municipality',
        'workplace.street',
        'contact.name',
        'contact.phone',
        'contact.email',
      ].sort(),
    );
  });
});
