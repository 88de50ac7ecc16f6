import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedByIds, FieldError, FieldHint, FieldLabel, INPUT_CLASSES } from '../ui/field_parts';
import { PREFECTURES } from './prefectures';
import { useMunicipalities, useMunicipalitySearch, type Municipality } from './reference_api';

/** How long typing must pause before the server is asked (a search per keystroke would be wasted). */
const SEARCH_DELAY_MS = 200;

/** 「千代田区（東京都）」, or 「千代田区 (Tokyo)」 in English: the same name exists in several prefectures. */
export function municipalityLabel(municipality: Pick<Municipality, 'name' | 'prefecture'>, language: string): string {
  const prefecture = PREFECTURES.find((entry) => entry.code === municipality.prefecture);
  if (prefecture === undefined) {
    return municipality.name;
  }
  return language === 'en' ? `${municipality.name} (${prefecture.en})` : `${municipality.name}（${prefecture.ja}）`;
}

interface MunicipalityComboboxProps {
  id?: string;
  label: string;
  name: string;
  /** The chosen municipality's code; "" when none is chosen. */
  value: string;
  /** The prefecture of the chosen municipality (its name is looked up in that prefecture's list). */
  prefecture: string;
  /** Searches only this prefecture (a form whose prefecture is fixed); otherwise all of Japan. */
  onlyPrefecture?: string;
  /** A municipality was chosen (its prefecture comes with it), or the field was emptied (null). */
  onChoose: (municipality: Municipality | null) => void;
  required?: boolean;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

function useDelayed(value: string, delayMs: number): string {
  const [delayed, setDelayed] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDelayed(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return delayed;
}

/**
 * 市区町村 chosen by typing part of its name in kanji or kana (「ちよだ」「千代田」 both offer 千代田区（東京都））:
 * the ARIA combobox pattern with a list box. ↓ / ↑ move through the suggestions, Enter chooses, Escape closes
 * the list (and, with the list closed, puts back the chosen name); a status line tells screen readers how many
 * suggestions there are. The server folds kanji, hiragana, katakana and half-width kana alike.
 */
export function MunicipalityCombobox({
  id,
  label,
  name,
  value,
  prefecture,
  onlyPrefecture,
  onChoose,
  required = false,
  hint,
  error,
  disabled = false,
}: MunicipalityComboboxProps) {
  const { t, i18n } = useTranslation();
  const generatedId = useId();
  const inputId = id ?? `${name}-${generatedId}`;
  const listId = `${inputId}-listbox`;
  const statusId = `${inputId}-status`;
  const known = useMunicipalities(value === '' ? '' : prefecture);
  // The last choice, so its name shows at once, before the prefecture's list has arrived.
  const [lastChosen, setLastChosen] = useState<Municipality | null>(null);
  const chosen =
    value === '' ? null : lastChosen?.code === value ? lastChosen : (known.data?.find((entry) => entry.code === value) ?? null);
  const chosenLabel = chosen === null ? '' : municipalityLabel(chosen, i18n.language);

  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDelayed(editing ? text.trim() : '', SEARCH_DELAY_MS);
  const search = useMunicipalitySearch(query, onlyPrefecture ?? '');
  const settled = editing && query !== '' && query === text.trim() && !search.isPlaceholderData && search.data !== undefined;
  const results = editing && query !== '' ? (search.data ?? []) : [];
  const expanded = open && results.length > 0;
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    // The active suggestion stays in view when the arrows move past the list's edge.
    if (expanded && active >= 0) {
      const option = listRef.current?.querySelector(`[data-index="${active}"]`);
      if (option instanceof HTMLElement && typeof option.scrollIntoView === 'function') {
        option.scrollIntoView({ block: 'nearest' });
      }
    }
  }, [expanded, active]);

  function choose(municipality: Municipality): void {
    setLastChosen(municipality);
    setEditing(false);
    setOpen(false);
    setActive(-1);
    onChoose(municipality);
  }

  function close(): void {
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (results.length === 0) {
        return;
      }
      event.preventDefault();
      setOpen(true);
      const last = results.length - 1;
      setActive((current) =>
        event.key === 'ArrowDown' ? (current >= last ? 0 : current + 1) : current <= 0 ? last : current - 1,
      );
    } else if (event.key === 'Enter') {
      if (expanded) {
        // Enter chooses; it must not send the form.
        event.preventDefault();
        const pick = results[active >= 0 ? active : 0];
        if (pick !== undefined && (active >= 0 || results.length === 1)) {
          choose(pick);
        }
      }
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        close();
      } else if (editing) {
        event.preventDefault();
        setEditing(false);
      }
    }
  }

  function onBlur(): void {
    close();
    if (editing && text.trim() === '' && value !== '') {
      onChoose(null);
    }
    setEditing(false);
  }

  const describedBy = [describedByIds(inputId, hint !== undefined, error !== undefined), statusId].filter(Boolean).join(' ');
  // Said once the list answers what was typed: how many suggestions, or that there are none.
  const status = !settled
    ? ''
    : results.length === 0
      ? t('municipalityCombobox.none', { text: query })
      : t('municipalityCombobox.count', { count: results.length });

  return (
    <div className="flex flex-col gap-2">
      <FieldLabel htmlFor={inputId} label={label} required={required} />
      {hint !== undefined && <FieldHint id={`${inputId}-hint`} hint={hint} />}
      <div className="relative">
        <input
          id={inputId}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-required={required || undefined}
          aria-invalid={error !== undefined ? true : undefined}
          aria-describedby={describedBy}
          data-code={value}
          disabled={disabled}
          className={`${INPUT_CLASSES} disabled:cursor-not-allowed disabled:border-solid-gray-300 disabled:bg-solid-gray-50 disabled:text-solid-gray-600`}
          value={editing ? text : chosenLabel}
          onChange={(event) => {
            setEditing(true);
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={t('municipalityCombobox.listLabel', { label })}
          hidden={!expanded}
          className="absolute left-0 right-0 top-full z-20 mt-1 max-h-72 overflow-y-auto rounded-8 border border-solid-gray-600 bg-white py-1 shadow-lg"
        >
          {results.map((municipality, index) => (
            <li
              key={municipality.code}
              id={`${listId}-${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-4 py-3 text-std-16N-170 text-solid-gray-900 ${
                index === active ? 'bg-blue-100 outline outline-2 -outline-offset-2 outline-blue-900' : 'hover:bg-solid-gray-50'
              }`}
              // Keeps the focus in the input, so the blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(municipality)}
            >
              {municipalityLabel(municipality, i18n.language)}
            </li>
          ))}
        </ul>
      </div>
      <p id={statusId} role="status" aria-live="polite" className="text-std-16N-170 text-solid-gray-600">
        {status}
      </p>
      {error !== undefined && <FieldError id={`${inputId}-error`} error={error} />}
    </div>
  );
}
