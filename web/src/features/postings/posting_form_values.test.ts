import { describe, expect, it } from 'vitest';
import {
  EMPTY_POSTING_FORM,
  formValuesFromPosting,
  newPostingForm,
  normalisePostalCode,
  postingFieldId,
  postingInputFromForm,
} from './posting_form_values';
import { fullPosting } from '../../shared/postings/testing/posting_fixtures';

describe('posting form values', () => {
  it('starts a new posting from the facility’s address and the user as contact person', () => {
    const user = {
      id: 'u1',
      login: 'fac-01',
      email: 'tanaka@hospital.example',
      display_name: '田中 花子',
      role: 'facility',
      organisations: [
        { id: 'o1', name: 'さくら病院', kind: 'facility', prefecture: '13', municipality: '131016', address: '千代田1-1', postal_code: '1000001' },
      ],
    };
    const values = newPostingForm(user);
    expect(values['workplace.prefecture']).toBe('13');
    expect(values['workplace.municipality']).toBe('131016');
    expect(values['workplace.street']).toBe('千代田1-1');
    expect(values['workplace.postal_code']).toBe('1000001');
    expect(values['contact.name']).toBe('田中 花子');
    expect(values['contact.email']).toBe('tanaka@hospital.example');
    expect(values.title).toBe('');
    // A facility without an address on file: only the prefecture, never a municipality of another prefecture.
    const bare = newPostingForm({
      ...user,
      organisations: [{ id: 'o1', name: 'さくら病院', kind: 'facility', prefecture: '14', municipality: '131016', postal_code: '1000001' }],
    });
    expect([bare['workplace.prefecture'], bare['workplace.municipality'], bare['workplace.street'], bare['workplace.postal_code']]).toEqual([
      '14',
      '',
      '',
      '',
    ]);
  });

  it('shows a draft saved without a number of positions as an empty input', () => {
    expect(formValuesFromPosting({ ...fullPosting(), positions: 0 }).positions).toBe('');
  });

  it('round-trips a saved posting through the form', () => {
    const values = formValuesFromPosting(fullPosting());
    expect(values['workplace.postal_code']).toBe('1000001');
    expect(values['contact.phone']).toBe('03-1234-5678');
    expect(values.period_months).toBe('3');
    expect(values.full_time).toBe('true');

    const input = postingInputFromForm(values, 'edit', '1301');
    expect(input).toMatchObject({
      title: '病棟看護師（3か月）',
      period_months: 3,
      positions: 2,
      full_time: true,
      night_duty: false,
      masked: true,
      workplace: { postal_code: '1000001', prefecture: '13', municipality: '131016', street: '千代田1-1', building: 'さくらビル', area: '1301' },
      contact: { name: '採用担当 山田', location: '看護部', phone: '03-1234-5678', email: 'recruit@example.jp' },
    });
  });

  it('leaves empty inputs out when creating, so the server applies its defaults', () => {
    const input = postingInputFromForm({ ...EMPTY_POSTING_FORM, title: ' 募集 ', 'workplace.street': '千代田1-1' }, 'create');
    expect(input.title).toBe('募集');
    expect(input).not.toHaveProperty('specialty');
    expect(input).not.toHaveProperty('end_date');
    expect(input).not.toHaveProperty('period_months');
    expect(input.workplace).toEqual({ street: '千代田1-1' });
    expect(input.contact).toEqual({});
  });

  it('sends emptied inputs when editing, so the old value is cleared', () => {
    const values = { ...formValuesFromPosting(fullPosting()), requirements: '', period_months: '', end_date: '2027-03-31', 'workplace.building': '', 'workplace.area': '' };
    const input = postingInputFromForm(values, 'edit', '1301');
    expect(input.requirements).toBe('');
    expect(input.period_months).toBeNull();
    expect(input.end_date).toBe('2027-03-31');
    expect(input.workplace).toMatchObject({ building: '', area: '1301' });
  });

  it('sends what cannot be a number as typed, for the server to name the field', () => {
    expect(postingInputFromForm({ ...EMPTY_POSTING_FORM, positions: '２' }, 'create').positions).toBe(2);
    expect(postingInputFromForm({ ...EMPTY_POSTING_FORM, positions: 'two' }, 'create').positions).toBe('two');
  });

  it('folds full-width postal codes and hyphens', () => {
    expect(normalisePostalCode('１００－０００１')).toBe('1000001');
    expect(normalisePostalCode('〒100-0001')).toBe('1000001');
  });

  it('gives nested fields ids without dots', () => {
    expect(postingFieldId('workplace.postal_code')).toBe('posting-workplace-postal_code');
  });
});
