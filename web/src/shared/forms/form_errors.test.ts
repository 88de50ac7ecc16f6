import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api_error';
import { formErrorsFromApi, formFieldForServerKey, messageForError, orderedFieldErrors } from './form_errors';

describe('formErrorsFromApi', () => {
  it('puts field messages under their fields and the rest in the summary', () => {
    const error = new ApiError({
      status: 400,
      code: 'invalid_token',
      message: 'リンクの有効期限が切れています。',
      fields: { password: 'よく使われるパスワードは使えません。', token: 'トークンが正しくありません。' },
      hasServerMessage: true,
    });

    const errors = formErrorsFromApi(error, ['password', 'passwordConfirmation']);

    expect(errors.fields).toEqual({ password: { text: 'よく使われるパスワードは使えません。' } });
    expect(errors.summary).toEqual([{ text: 'リンクの有効期限が切れています。' }, { text: 'トークンが正しくありません。' }]);
  });

  it("puts the server's nested keys (workplace.postal_code, contact.phone) under the inputs named the same", () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
      fields: {
        'workplace.postal_code': '「郵便番号」は7桁の数字で入力してください。',
        'contact.phone': '「電話番号」は0から始まる10桁または11桁で入力してください（ハイフン可）。',
        title: '「タイトル」を入力してください。',
        facility_id: '「医療機関」が正しくありません。',
      },
      hasServerMessage: true,
    });

    const errors = formErrorsFromApi(error, ['title', 'workplace.postal_code', 'workplace.street', 'contact.phone']);

    expect(errors.fields).toEqual({
      title: { text: '「タイトル」を入力してください。' },
      'workplace.postal_code': { text: '「郵便番号」は7桁の数字で入力してください。' },
      'contact.phone': { text: '「電話番号」は0から始まる10桁または11桁で入力してください（ハイフン可）。' },
    });
    expect(errors.fields['workplace.street']).toBeUndefined();
    // A field the form does not show is not lost: it joins the summary.
    expect(errors.summary).toEqual([
      { text: '入力内容に誤りがあります。各項目のメッセージを確認してください。' },
      { text: '「医療機関」が正しくありません。' },
    ]);
  });

  it('maps keys of list items and deeper keys to the field that holds them', () => {
    const fields = ['licences', 'workplace', 'workplace.area'];
    expect(formFieldForServerKey('licences.0.number', fields)).toBe('licences');
    expect(formFieldForServerKey('licences[1]', fields)).toBe('licences');
    // The most specific field wins.
    expect(formFieldForServerKey('workplace.area', fields)).toBe('workplace.area');
    expect(formFieldForServerKey('workplace.street', fields)).toBe('workplace');
    // A mere common prefix is not nesting.
    expect(formFieldForServerKey('licences_count', fields)).toBeNull();
    expect(formFieldForServerKey('unknown', fields)).toBeNull();
  });

  it('joins two messages for the same input', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      message: 'x',
      fields: { 'licences.0.number': '1行目が誤りです。', 'licences.1.number': '2行目が誤りです。' },
      hasServerMessage: true,
    });
    expect(formErrorsFromApi(error, ['licences']).fields).toEqual({ licences: { text: '1行目が誤りです。 2行目が誤りです。' } });
  });

  it('lists field errors in the order of the form, for the error summary', () => {
    const errors = { summary: [], fields: { 'contact.email': { text: 'b' }, title: { text: 'a' } } };
    expect(orderedFieldErrors(errors, ['title', 'workplace.street', 'contact.email'])).toEqual([
      { field: 'title', message: { text: 'a' } },
      { field: 'contact.email', message: { text: 'b' } },
    ]);
  });

  it('uses our own wording when the server sent none', () => {
    const offline = new ApiError({ status: 0, code: 'network_error', message: 'network error', hasServerMessage: false });
    expect(messageForError(offline)).toEqual({ key: 'error.network' });
    expect(messageForError(new Error('boom'))).toEqual({ key: 'error.unexpected' });
  });
});
