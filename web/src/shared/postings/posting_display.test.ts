import { describe, expect, it } from 'vitest';
import { addressLines, facilityName, isHiddenByMasking, placeSummary } from './posting_display';
import { fullPosting, maskedPosting } from './testing/posting_fixtures';

describe('masked-notice logic', () => {
  it('shows the notice when a masked posting comes without the hidden values', () => {
    expect(isHiddenByMasking(maskedPosting())).toBe(true);
  });

  it('shows it when any hidden group is absent: the facility, the address or the contact', () => {
    const full = fullPosting();
    expect(isHiddenByMasking({ ...full, facility: {} })).toBe(true);
    expect(isHiddenByMasking({ ...full, contact: undefined })).toBe(true);
    expect(isHiddenByMasking({ ...full, workplace: { prefecture: '13', prefecture_name: '東京都', street: '千代田1-1' } })).toBe(true);
  });

  it('shows no notice to a viewer who receives a masked posting in full (its own facility)', () => {
    expect(isHiddenByMasking(fullPosting({ masked: true }))).toBe(false);
  });

  it('shows no notice for a posting that is not masked', () => {
    expect(isHiddenByMasking(fullPosting({ masked: false }))).toBe(false);
  });

  it('gives the facility name only when it was sent', () => {
    expect(facilityName(fullPosting())).toBe('千代田区神田さくら病院');
    expect(facilityName(maskedPosting())).toBeNull();
  });

  it('builds the address from the parts present, never with placeholders', () => {
    expect(addressLines(fullPosting().workplace)).toEqual(['〒100-0001', '東京都千代田区千代田1-1', 'さくらビル']);
    expect(addressLines(maskedPosting().workplace)).toEqual(['東京都']);
    expect(addressLines({ ...fullPosting().workplace, building: null })).toEqual(['〒100-0001', '東京都千代田区千代田1-1']);
  });

  it('summarises the place with the area only when it is known', () => {
    expect(placeSummary(fullPosting().workplace, '・')).toBe('東京都・区中央部');
    expect(placeSummary(maskedPosting().workplace, '・')).toBe('東京都');
  });
});
