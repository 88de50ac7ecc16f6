import { useTranslation } from 'react-i18next';

/**
 * Pieces every form field shares, so all fields label, describe and report
 * errors the same way: the label says whether the field is required, the
 * hint and the error are tied to the input with aria-describedby.
 */

export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor} className="flex flex-wrap items-center gap-2 text-std-17B-170 text-solid-gray-900">
      <span>{label}</span>
      {required && <span className="text-dns-14N-130 text-error-1">{t('form.required')}</span>}
    </label>
  );
}

export function FieldHint({ id, hint }: { id: string; hint: string }) {
  return (
    <p id={id} className="text-std-16N-170 text-solid-gray-600">
      {hint}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error: string }) {
  return (
    <p id={id} role="alert" className="text-dns-16N-130 text-error-1">
      <span aria-hidden="true">＊</span>
      {error}
    </p>
  );
}

/** The ids an input must list in aria-describedby: its hint first, then its error. */
export function describedByIds(baseId: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${baseId}-hint` : null, hasError ? `${baseId}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export const INPUT_CLASSES =
  'block w-full min-h-14 rounded-8 border bg-white px-4 py-3 text-std-16N-170 text-solid-gray-900 aria-[invalid=true]:border-error-1 hover:border-black border-solid-gray-600';
