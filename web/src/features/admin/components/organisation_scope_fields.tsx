import { useTranslation } from 'react-i18next';
import { MunicipalityCombobox } from '../../../shared/reference/municipality_combobox';
import { localisedName, useAreas, useCategories } from '../../../shared/reference/reference_api';
import { CheckboxGroup } from '../../../shared/ui/choice_group';
import { TextField } from '../../../shared/ui/text_field';
import { useAdminTranslation } from '../i18n/admin_i18n';
import { scopeFieldsOf, type ScopeField, type ScopeValues } from '../organisation_scope';

interface OrganisationScopeFieldsProps {
  kind: string;
  prefecture: string;
  values: ScopeValues;
  update: (changes: Partial<ScopeValues>) => void;
  fieldError: (field: ScopeField) => string | undefined;
  /**
   * Given when the prefecture may still change (registration): the municipality is then searched in all of
   * Japan and brings its prefecture with it. Without it the search stays within `prefecture`.
   */
  onPrefectureChosen?: (prefecture: string) => void;
}

/**
 * The fields of the kind's scope, shared by the registration and the change
 * form: 市区町村 and 所在地 for a facility, 担当する職種 for a coordinating
 * organisation, 担当する二次医療圏 for an aggregator; nothing for the others.
 */
export function OrganisationScopeFields({ kind, prefecture, values, update, fieldError, onPrefectureChosen }: OrganisationScopeFieldsProps) {
  const fields = scopeFieldsOf(kind);
  return (
    <>
      {fields.includes('municipality') && (
        <FacilityPlaceFields
          prefecture={prefecture}
          values={values}
          update={update}
          fieldError={fieldError}
          onPrefectureChosen={onPrefectureChosen}
        />
      )}
      {fields.includes('categories') && <CategoryChoices values={values} update={update} fieldError={fieldError} />}
      {fields.includes('areas') && <AreaChoices prefecture={prefecture} values={values} update={update} fieldError={fieldError} />}
    </>
  );
}

type PartProps = Omit<OrganisationScopeFieldsProps, 'kind' | 'prefecture' | 'onPrefectureChosen'>;

function FacilityPlaceFields({
  prefecture,
  values,
  update,
  fieldError,
  onPrefectureChosen,
}: PartProps & { prefecture: string; onPrefectureChosen?: (prefecture: string) => void }) {
  const { t } = useAdminTranslation();
  const fixedPrefecture = onPrefectureChosen === undefined;
  return (
    <div className="grid grid-cols-1 gap-6 desktop:grid-cols-2">
      <MunicipalityCombobox
        label={t('organisations.municipalityLabel')}
        name="municipality"
        hint={
          fixedPrefecture && prefecture === ''
            ? t('organisations.choosePrefectureFirst')
            : `${t('organisations.municipalitySearchHint')}${t('organisations.municipalityHint')}`
        }
        disabled={fixedPrefecture && prefecture === ''}
        value={values.municipality}
        prefecture={prefecture}
        onlyPrefecture={fixedPrefecture ? prefecture : undefined}
        onChoose={(municipality) => {
          if (municipality !== null && municipality.prefecture !== prefecture) {
            onPrefectureChosen?.(municipality.prefecture);
          }
          update({ municipality: municipality?.code ?? '' });
        }}
        error={fieldError('municipality')}
      />
      <TextField
        label={t('organisations.addressLabel')}
        name="address"
        autoComplete="address-line1"
        maxLength={200}
        hint={t('organisations.addressHint')}
        value={values.address}
        onValueChange={(value) => update({ address: value })}
        error={fieldError('address')}
      />
    </div>
  );
}

function CategoryChoices({ values, update, fieldError }: PartProps) {
  const { t } = useAdminTranslation();
  const { i18n } = useTranslation();
  const categories = useCategories();
  return (
    <CheckboxGroup
      legend={t('organisations.categoriesLabel')}
      name="categories"
      hint={t('organisations.categoriesHint')}
      choices={(categories.data ?? []).map((category) => ({ value: category.code, label: localisedName(category, i18n.language) }))}
      values={values.categories}
      onValuesChange={(next) => update({ categories: next })}
      error={fieldError('categories')}
      layout="grid grid-cols-1 gap-x-4 desktop:grid-cols-3"
    />
  );
}

function AreaChoices({ prefecture, values, update, fieldError }: PartProps & { prefecture: string }) {
  const { t } = useAdminTranslation();
  const areas = useAreas(prefecture);
  return (
    <CheckboxGroup
      legend={t('organisations.areasLabel')}
      name="areas"
      hint={t('organisations.areasHint')}
      choices={(areas.data ?? []).map((area) => ({ value: area.code, label: area.name }))}
      values={values.areas}
      onValuesChange={(next) => update({ areas: next })}
      error={fieldError('areas')}
      layout="grid grid-cols-1 gap-x-4 desktop:grid-cols-3"
    >
      {prefecture === '' && <p className="text-std-16N-170 text-solid-gray-700">{t('organisations.choosePrefectureFirst')}</p>}
    </CheckboxGroup>
  );
}
