import { z } from 'zod/mini';
import { messageKey, type TranslationKey } from '../../../shared/i18n/message';
import { normalisePostalCode, type PostingFormField } from '../posting_form_values';

/**
 * What the browser checks before sending a posting: the required fields of
 * SPEC.md "Postings" and the rules that depend on other fields. Every message
 * names its field, like the server's. The server checks everything again
 * (code lists, lengths, the phone number) and its messages land on the same
 * inputs.
 *
 * Like the server, the required fields are checked only when the posting is
 * to be public (`mustBeComplete()`, asked at each submit: 公開する, or saving
 * a posting that is already published); a draft saves with whatever is
 * filled, though what is filled must still be right (a date after the start,
 * a postal code of 7 digits, an e-mail address).
 */

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function blank(value: string): boolean {
  return value.trim() === '';
}

function wholeNumberIn(value: string, min: number, max: number): boolean {
  const folded = value.normalize('NFKC').trim();
  return /^\d{1,6}$/.test(folded) && Number(folded) >= min && Number(folded) <= max;
}

export function postingSchema(mustBeComplete: () => boolean) {
  return z
    .object({
      title: z.string(),
      category: z.string(),
      specialty: z.string(),
      employment: z.string(),
      start_date: z.string(),
      end_date: z.string(),
      period_months: z.string(),
      weekdays: z.array(z.string()),
      hours: z.string(),
      full_time: z.string(),
      night_duty: z.string(),
      urgency: z.string(),
      positions: z.string(),
      duties: z.string(),
      requirements: z.string(),
      pay: z.string(),
      benefits: z.string(),
      training_agreed: z.boolean(),
      'workplace.postal_code': z.string(),
      'workplace.prefecture': z.string(),
      'workplace.municipality': z.string(),
      'workplace.street': z.string(),
      'workplace.building': z.string(),
      'workplace.area': z.string(),
      'contact.name': z.string(),
      'contact.location': z.string(),
      'contact.phone': z.string(),
      'contact.email': z.string(),
      masked: z.boolean(),
    })
    .check(
      z.superRefine((values, context) => {
        const fail = (field: PostingFormField, key: TranslationKey) =>
          context.addIssue({ code: 'custom', path: [field], message: messageKey(key), input: values });
        const complete = mustBeComplete();
        /** A required field left empty: wrong only for a posting to be public. */
        const missing = (field: PostingFormField, key: TranslationKey) => {
          if (complete) {
            fail(field, key);
          }
        };

        if (blank(values.title)) missing('title', 'validation.posting.titleRequired');
        if (values.category === '') missing('category', 'validation.posting.categoryRequired');
        if (values.category === 'doctor' && values.specialty === '') missing('specialty', 'validation.posting.specialtyRequired');
        if (values.employment === '') missing('employment', 'validation.posting.employmentRequired');
        if (values.start_date === '') missing('start_date', 'validation.posting.startDateRequired');
        if (values.employment !== '' && values.employment !== 'permanent' && values.end_date === '' && blank(values.period_months)) {
          missing('end_date', 'validation.posting.periodRequired');
        }
        if (values.end_date !== '' && values.start_date !== '' && values.end_date < values.start_date) {
          fail('end_date', 'validation.posting.endDateBeforeStart');
        }
        if (!blank(values.period_months) && !wholeNumberIn(values.period_months, 1, 60)) {
          fail('period_months', 'validation.posting.periodMonthsInvalid');
        }
        if (values.urgency === '') missing('urgency', 'validation.posting.urgencyRequired');
        if (blank(values.positions)) {
          missing('positions', 'validation.posting.positionsRequired');
        } else if (!wholeNumberIn(values.positions, 1, 999)) {
          fail('positions', 'validation.posting.positionsInvalid');
        }
        if (blank(values.duties)) missing('duties', 'validation.posting.dutiesRequired');
        if (!values.training_agreed) missing('training_agreed', 'validation.posting.trainingRequired');

        const postalCode = values['workplace.postal_code'];
        if (blank(postalCode)) {
          missing('workplace.postal_code', 'validation.posting.postalCodeRequired');
        } else if (!/^\d{7}$/.test(normalisePostalCode(postalCode))) {
          fail('workplace.postal_code', 'validation.posting.postalCodeInvalid');
        }
        if (values['workplace.prefecture'] === '') missing('workplace.prefecture', 'validation.posting.prefectureRequired');
        if (values['workplace.municipality'] === '') missing('workplace.municipality', 'validation.posting.municipalityRequired');
        if (blank(values['workplace.street'])) missing('workplace.street', 'validation.posting.streetRequired');

        if (blank(values['contact.name'])) missing('contact.name', 'validation.posting.contactNameRequired');
        if (blank(values['contact.phone'])) missing('contact.phone', 'validation.posting.phoneRequired');
        const email = values['contact.email'].trim();
        if (email === '') {
          missing('contact.email', 'validation.posting.emailRequired');
        } else if (!EMAIL_SHAPE.test(email)) {
          fail('contact.email', 'validation.posting.emailInvalid');
        }
      }),
    );
}
