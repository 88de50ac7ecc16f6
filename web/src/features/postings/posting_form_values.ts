import type { Posting } from '../../shared/postings/posting';
import type { SessionUser } from '../../shared/session/session_api';
import type { PostingInput } from './api/postings_api';

/**
 * The posting form's values, as its inputs hold them. Fields of the nested
 * `workplace` and `contact` objects are named exactly like the server's error
 * keys (`workplace.postal_code`, `contact.phone`), so a server message lands
 * under the input it is about without any translation table.
 *
 * The order of the keys is the order of the fields on the form (the error
 * summary lists errors in this order).
 */
export type PostingFormValues = {
  title: string;
  category: string;
  specialty: string;
  employment: string;
  start_date: string;
  end_date: string;
  period_months: string;
  weekdays: string[];
  hours: string;
  /** 'true' | 'false': the value of the radio button chosen. */
  full_time: string;
  night_duty: string;
  urgency: string;
  positions: string;
  duties: string;
  requirements: string;
  pay: string;
  benefits: string;
  training_agreed: boolean;
  'workplace.postal_code': string;
  'workplace.prefecture': string;
  'workplace.municipality': string;
  'workplace.street': string;
  'workplace.building': string;
  'workplace.area': string;
  'contact.name': string;
  'contact.location': string;
  'contact.phone': string;
  'contact.email': string;
  masked: boolean;
};

export type PostingFormField = keyof PostingFormValues;

export const EMPTY_POSTING_FORM: PostingFormValues = {
  title: '',
  category: '',
  specialty: '',
  employment: '',
  start_date: '',
  end_date: '',
  period_months: '',
  weekdays: [],
  hours: '',
  full_time: 'true',
  night_duty: 'false',
  urgency: '',
  positions: '1',
  duties: '',
  requirements: '',
  pay: '',
  benefits: '',
  training_agreed: false,
  'workplace.postal_code': '',
  'workplace.prefecture': '',
  'workplace.municipality': '',
  'workplace.street': '',
  'workplace.building': '',
  'workplace.area': '',
  'contact.name': '',
  'contact.location': '',
  'contact.phone': '',
  'contact.email': '',
  masked: false,
};

/**
 * A new posting of the user's facility: its workplace is the facility's own address (prefecture, municipality,
 * 町名・番地 and the postal code the server derives from them, as far as the organisation has them) and the
 * contact person is the user, by name and e-mail, until the facility types someone else.
 */
export function newPostingForm(user: SessionUser): PostingFormValues {
  const facility = user.organisations.find((organisation) => organisation.kind === 'facility');
  const municipality = facility?.municipality ?? '';
  const prefecture = facility?.prefecture ?? '';
  // Only a municipality of that prefecture (and the postal code only with it): the address must be one place.
  const inPrefecture = municipality !== '' && municipality.startsWith(prefecture);
  return {
    ...EMPTY_POSTING_FORM,
    'workplace.prefecture': prefecture,
    'workplace.municipality': inPrefecture ? municipality : '',
    'workplace.postal_code': inPrefecture ? (facility?.postal_code ?? '') : '',
    'workplace.street': facility?.address ?? '',
    'contact.name': user.display_name,
    'contact.email': user.email,
  };
}

export const POSTING_FORM_FIELDS = Object.keys(EMPTY_POSTING_FORM) as PostingFormField[];

/** The id of a field's input (or of a group's first input); dots are not welcome in ids that CSS selectors use. */
export function postingFieldId(field: string): string {
  return `posting-${field.replace(/\./g, '-')}`;
}

/** A saved posting, to edit. Values the server left out (none for the posting's own facility) become empty inputs. */
export function formValuesFromPosting(posting: Posting): PostingFormValues {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    title: posting.title,
    category: posting.category,
    specialty: text(posting.specialty),
    employment: posting.employment,
    start_date: posting.start_date,
    end_date: text(posting.end_date),
    period_months: text(posting.period_months),
    weekdays: [...posting.weekdays],
    hours: text(posting.hours),
    full_time: String(posting.full_time),
    night_duty: String(posting.night_duty),
    urgency: posting.urgency,
    // A draft saved without it has 0, which the form shows as empty.
    positions: posting.positions > 0 ? String(posting.positions) : '',
    duties: posting.duties,
    requirements: text(posting.requirements),
    pay: text(posting.pay),
    benefits: text(posting.benefits),
    training_agreed: posting.training_agreed,
    'workplace.postal_code': text(posting.workplace.postal_code),
    'workplace.prefecture': posting.workplace.prefecture,
    'workplace.municipality': text(posting.workplace.municipality),
    'workplace.street': text(posting.workplace.street),
    'workplace.building': text(posting.workplace.building),
    'workplace.area': text(posting.workplace.area),
    'contact.name': text(posting.contact?.name),
    'contact.location': text(posting.contact?.location),
    'contact.phone': text(posting.contact?.phone),
    'contact.email': text(posting.contact?.email),
    masked: posting.masked,
  };
}

const TEXT_FIELDS = ['title', 'specialty', 'hours', 'duties', 'requirements', 'pay', 'benefits'] as const;

/**
 * The request body for the form's values.
 *
 * - create (POST): an empty input is an absent field, so the server applies
 *   its defaults (and derives the secondary medical area itself).
 * - edit (PATCH): every field is sent, an emptied one as "" (or null for a
 *   number), because leaving it out would keep the old value. An area left
 *   to be derived is sent as the municipality's area, `derivedArea`, so a
 *   former override is undone.
 *
 * Numbers typed as digits are sent as numbers; anything else is sent as
 * typed, and the server's message names the field.
 */
export function postingInputFromForm(values: PostingFormValues, mode: 'create' | 'edit', derivedArea: string | null = null): PostingInput {
  const editing = mode === 'edit';
  const input: PostingInput = {};
  const putText = (target: PostingInput, key: string, value: string) => {
    const trimmed = value.trim();
    if (trimmed !== '' || editing) {
      target[key] = trimmed;
    }
  };

  for (const key of TEXT_FIELDS) {
    putText(input, key, values[key]);
  }
  for (const key of ['category', 'employment', 'start_date', 'urgency'] as const) {
    if (values[key] !== '' || editing) {
      input[key] = values[key];
    }
  }
  putText(input, 'end_date', values.end_date);
  const periodMonths = numberOrText(values.period_months);
  if (periodMonths !== undefined) {
    input.period_months = periodMonths;
  } else if (editing) {
    input.period_months = null;
  }
  const positions = numberOrText(values.positions);
  if (positions !== undefined) {
    input.positions = positions;
  }
  input.weekdays = [...values.weekdays];
  input.full_time = values.full_time === 'true';
  input.night_duty = values.night_duty === 'true';
  input.training_agreed = values.training_agreed;
  input.masked = values.masked;

  const workplace: PostingInput = {};
  putText(workplace, 'postal_code', values['workplace.postal_code']);
  putText(workplace, 'prefecture', values['workplace.prefecture']);
  putText(workplace, 'municipality', values['workplace.municipality']);
  putText(workplace, 'street', values['workplace.street']);
  putText(workplace, 'building', values['workplace.building']);
  const area = values['workplace.area'].trim();
  if (area !== '') {
    workplace.area = area;
  } else if (editing && derivedArea !== null && derivedArea !== '') {
    workplace.area = derivedArea;
  }
  input.workplace = workplace;

  const contact: PostingInput = {};
  putText(contact, 'name', values['contact.name']);
  putText(contact, 'location', values['contact.location']);
  putText(contact, 'phone', values['contact.phone']);
  putText(contact, 'email', values['contact.email']);
  input.contact = contact;
  return input;
}

/** Full-width digits and hyphens folded, so 〒１００－０００１ becomes 1000001. */
export function normalisePostalCode(value: string): string {
  return value.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー〒]/g, '');
}

function numberOrText(value: string): number | string | undefined {
  const folded = value.normalize('NFKC').trim();
  if (folded === '') {
    return undefined;
  }
  return /^\d{1,6}$/.test(folded) ? Number(folded) : folded;
}
