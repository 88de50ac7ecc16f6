import type { Posting } from '../posting';

/** A posting as its own facility receives it: every field present. */
export function fullPosting(overrides: Partial<Posting> = {}): Posting {
  return {
    id: 'pst_test0001',
    status: 'published',
    close_reason: null,
    title: '病棟看護師（3か月）',
    category: 'nurse',
    category_name: '看護師',
    specialty: null,
    employment: 'fixed_term',
    start_date: '2027-01-08',
    end_date: null,
    period_months: 3,
    weekdays: ['mon', 'tue', 'wed'],
    hours: '8:30-17:15',
    full_time: true,
    night_duty: false,
    urgency: 'immediate',
    positions: 2,
    duties: '病棟での看護業務。\n<b>夜勤なし</b>',
    requirements: '看護師免許',
    pay: '時給 2,200円〜',
    benefits: null,
    training_agreed: true,
    masked: true,
    version: 3,
    created_at: '2026-11-21T10:00:00+09:00',
    updated_at: '2026-11-21T12:00:00+09:00',
    published_at: '2026-11-21T10:00:00+09:00',
    workplace: {
      prefecture: '13',
      prefecture_name: '東京都',
      area: '1301',
      area_name: '区中央部',
      postal_code: '1000001',
      municipality: '131016',
      municipality_name: '千代田区',
      street: '千代田1-1',
      building: 'さくらビル',
    },
    contact: { name: '採用担当 山田', location: '看護部', phone: '03-1234-5678', email: 'recruit@example.jp' },
    facility: { id: 'org_1', name: '千代田区神田さくら病院' },
    ...overrides,
  };
}

/** The same posting as the server sends it to a viewer who may not see the masked values: those keys are absent. */
export function maskedPosting(overrides: Partial<Posting> = {}): Posting {
  const { contact: _contact, ...rest } = fullPosting();
  return {
    ...rest,
    facility: {},
    workplace: { prefecture: '13', prefecture_name: '東京都' },
    ...overrides,
  };
}
