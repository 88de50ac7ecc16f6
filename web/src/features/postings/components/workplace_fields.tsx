import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageForError } from '../../../shared/forms/form_errors';
import { useMessageText } from '../../../shared/i18n/message';
import {
  localisedName,
  lookUpPostalCode,
  useAreas,
  useMunicipalities,
  usePrefectures,
  type Municipality,
  type PostalAddress,
} from '../../../shared/reference/reference_api';
import { MunicipalityCombobox } from '../../../shared/reference/municipality_combobox';
import { Button } from '../../../shared/ui/button';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import { normalisePostalCode, postingFieldId, type PostingFormValues } from '../posting_form_values';

type WorkplaceValues = Pick<
  PostingFormValues,
  'workplace.postal_code' | 'workplace.prefecture' | 'workplace.municipality' | 'workplace.street' | 'workplace.building' | 'workplace.area'
>;

type LookupState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; address: string }
  | { kind: 'choose'; addresses: PostalAddress[] }
  | { kind: 'none' }
  | { kind: 'failed'; message: string };

interface WorkplaceFieldsProps {
  values: WorkplaceValues;
  update: (changes: Partial<WorkplaceValues>) => void;
  fieldError: (field: keyof WorkplaceValues) => string | undefined;
}

/** The secondary medical area a municipality belongs to; "" when none is known. */
export function derivedAreaOf(municipalities: readonly Municipality[] | undefined, municipality: string): string {
  return municipalities?.find((entry) => entry.code === municipality)?.area ?? '';
}

/**
 * 勤務地: the postal code fills in prefecture, municipality and town (the
 * 「住所検索」 button, or by itself once seven digits are typed); a code that
 * covers several places lists them to choose from. The municipality can also be
 * found by typing part of its name in kanji or kana anywhere in Japan, which
 * sets the prefecture too. The secondary medical area follows from the
 * municipality unless the facility picks another area of the prefecture.
 */
export function WorkplaceFields({ values, update, fieldError }: WorkplaceFieldsProps) {
  const { t, i18n } = useTranslation();
  const text = useMessageText();
  const prefectures = usePrefectures();
  const prefecture = values['workplace.prefecture'];
  const municipalities = useMunicipalities(prefecture);
  const areas = useAreas(prefecture);
  const [lookup, setLookup] = useState<LookupState>({ kind: 'idle' });
  const lastLookedUp = useRef<string | null>(null);
  const lastFilledTown = useRef<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const derivedArea = derivedAreaOf(municipalities.data, values['workplace.municipality']);
  const derivedAreaName = areas.data?.find((area) => area.code === derivedArea)?.name;

  function apply(address: PostalAddress): void {
    const street = values['workplace.street'].trim();
    // The town is the start of the street; what the user typed themselves (or the facility's own address, which a new
    // posting starts from) is kept.
    const keepStreet = street !== '' && street !== lastFilledTown.current;
    update({
      'workplace.prefecture': address.prefecture,
      'workplace.municipality': address.municipality,
      'workplace.area': '',
      ...(keepStreet ? {} : { 'workplace.street': address.town }),
    });
    lastFilledTown.current = address.town;
    const prefectureName = prefectures.data?.find((entry) => entry.code === address.prefecture);
    setLookup({
      kind: 'found',
      address: `${prefectureName === undefined ? '' : localisedName(prefectureName, 'ja')}${address.municipality_name}${address.town}`,
    });
  }

  async function lookUp(raw: string): Promise<void> {
    const code = normalisePostalCode(raw);
    if (!/^\d{7}$/.test(code)) {
      setLookup({ kind: 'failed', message: t('postingForm.lookupInvalid') });
      return;
    }
    lastLookedUp.current = code;
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLookup({ kind: 'loading' });
    try {
      const addresses = await lookUpPostalCode(code, current.signal);
      if (addresses.length === 0) {
        setLookup({ kind: 'none' });
      } else if (addresses.length === 1 && addresses[0] !== undefined) {
        apply(addresses[0]);
      } else {
        setLookup({ kind: 'choose', addresses });
      }
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setLookup({ kind: 'failed', message: text(messageForError(error)) });
      }
    }
  }

  function changePostalCode(value: string): void {
    update({ 'workplace.postal_code': value });
    const code = normalisePostalCode(value);
    // Seven digits are a whole code: look it up at once, but only once per code.
    if (/^\d{7}$/.test(code) && code !== lastLookedUp.current) {
      void lookUp(value);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <div className="grid grid-cols-1 items-end gap-3 desktop:grid-cols-[minmax(0,16rem)_auto]">
          <TextField
            id={postingFieldId('workplace.postal_code')}
            label={t('postingForm.postalCodeLabel')}
            name="workplace.postal_code"
            inputMode="numeric"
            autoComplete="postal-code"
            required
            hint={t('postingForm.postalCodeHint')}
            value={values['workplace.postal_code']}
            onValueChange={changePostalCode}
            error={fieldError('workplace.postal_code')}
          />
          <div className={fieldError('workplace.postal_code') !== undefined ? 'desktop:mb-9' : ''}>
            <Button variant="secondary" busy={lookup.kind === 'loading'} onClick={() => void lookUp(values['workplace.postal_code'])}>
              {lookup.kind === 'loading' ? t('postingForm.lookingUp') : t('postingForm.lookupButton')}
            </Button>
          </div>
        </div>
        <div role="status" aria-live="polite" className="text-std-16N-170">
          {lookup.kind === 'found' && <p className="text-solid-gray-900">{t('postingForm.lookupFound', { address: lookup.address })}</p>}
          {lookup.kind === 'none' && <p className="text-solid-gray-900">{t('postingForm.lookupNone')}</p>}
          {lookup.kind === 'failed' && <p className="text-error-1">{lookup.message}</p>}
          {lookup.kind === 'choose' && <p className="text-solid-gray-900">{t('postingForm.lookupChoose')}</p>}
        </div>
        {lookup.kind === 'choose' && (
          <ul className="flex flex-col gap-2">
            {lookup.addresses.map((address) => (
              <li key={`${address.municipality}-${address.town}`}>
                <Button variant="secondary" onClick={() => apply(address)}>
                  {`${address.municipality_name}${address.town}`}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
        <SelectField
          id={postingFieldId('workplace.prefecture')}
          label={t('postingForm.prefectureLabel')}
          name="workplace.prefecture"
          required
          value={prefecture}
          options={(prefectures.data ?? []).map((entry) => ({ value: entry.code, label: localisedName(entry, i18n.language) }))}
          onValueChange={(value) => update({ 'workplace.prefecture': value, 'workplace.municipality': '', 'workplace.area': '' })}
          error={fieldError('workplace.prefecture')}
        />
        <MunicipalityCombobox
          id={postingFieldId('workplace.municipality')}
          label={t('postingForm.municipalityLabel')}
          name="workplace.municipality"
          required
          hint={t('postingForm.municipalityHint')}
          value={values['workplace.municipality']}
          prefecture={prefecture}
          onChoose={(municipality) =>
            update(
              municipality === null
                ? { 'workplace.municipality': '', 'workplace.area': '' }
                : { 'workplace.prefecture': municipality.prefecture, 'workplace.municipality': municipality.code, 'workplace.area': '' },
            )
          }
          error={fieldError('workplace.municipality')}
        />
      </div>
      <TextField
        id={postingFieldId('workplace.street')}
        label={t('postingForm.streetLabel')}
        name="workplace.street"
        autoComplete="address-line1"
        required
        maxLength={200}
        hint={t('postingForm.streetHint')}
        value={values['workplace.street']}
        onValueChange={(value) => update({ 'workplace.street': value })}
        error={fieldError('workplace.street')}
      />
      <TextField
        id={postingFieldId('workplace.building')}
        label={t('postingForm.buildingLabel')}
        name="workplace.building"
        autoComplete="address-line2"
        maxLength={200}
        value={values['workplace.building']}
        onValueChange={(value) => update({ 'workplace.building': value })}
        error={fieldError('workplace.building')}
      />
      <SelectField
        id={postingFieldId('workplace.area')}
        label={t('postingForm.areaLabel')}
        name="workplace.area"
        hint={t('postingForm.areaHint')}
        disabled={prefecture === ''}
        promptLabel={
          derivedAreaName === undefined ? t('postingForm.areaAutoUnknown') : t('postingForm.areaAuto', { name: derivedAreaName })
        }
        value={values['workplace.area']}
        options={(areas.data ?? []).map((area) => ({ value: area.code, label: area.name }))}
        onValueChange={(value) => update({ 'workplace.area': value })}
        error={fieldError('workplace.area')}
      />
    </div>
  );
}
