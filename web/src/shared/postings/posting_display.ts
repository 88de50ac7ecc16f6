import type { Posting, PostingWorkplace } from './posting';

/**
 * What the pages may show of a posting. Masking (SPEC.md "Masking and
 * disclosure") removes keys from the server's answer; the pages show what is
 * there and never a placeholder where something was taken out, because even
 * an empty box tells that a value exists.
 */

/**
 * True when this viewer gets the masked shape of a masked posting: the
 * facility's name, the address beyond the prefecture or the contact are not
 * in the answer. Entitled viewers (the facility itself, the secretariat)
 * receive a masked posting in full, and for them this is false.
 */
export function isHiddenByMasking(posting: Pick<Posting, 'masked' | 'facility' | 'contact' | 'workplace'>): boolean {
  if (!posting.masked) {
    return false;
  }
  return (
    posting.facility.name === undefined ||
    posting.contact === undefined ||
    posting.workplace.street === undefined ||
    posting.workplace.municipality === undefined
  );
}

/** The facility's name, or null when the viewer may not see it. */
export function facilityName(posting: Pick<Posting, 'facility'>): string | null {
  const name = posting.facility.name;
  return name === undefined || name === '' ? null : name;
}

/** 1000001 → 〒100-0001 (as Japanese addresses write it). */
export function formatPostalCode(code: string): string {
  return /^\d{7}$/.test(code) ? `〒${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/**
 * The parts of the workplace address the viewer may see, in reading order:
 * postal code, then prefecture with municipality and street, then the
 * building. Absent parts are left out, not blanked.
 */
export function addressLines(workplace: PostingWorkplace): string[] {
  const lines: string[] = [];
  if (present(workplace.postal_code)) {
    lines.push(formatPostalCode(workplace.postal_code));
  }
  lines.push([workplace.prefecture_name, workplace.municipality_name, workplace.street].filter(present).join(''));
  if (present(workplace.building)) {
    lines.push(workplace.building);
  }
  return lines.filter((line) => line !== '');
}

/**
 * Where the posting is, for a result card: the prefecture (`prefectureLabel`,
 * its name in the UI language) and, when known to the viewer, the area.
 */
export function placeSummary(workplace: PostingWorkplace, separator: string, prefectureLabel = workplace.prefecture_name): string {
  return [prefectureLabel, workplace.area_name].filter(present).join(separator);
}

export function present(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value.trim() !== '';
}
