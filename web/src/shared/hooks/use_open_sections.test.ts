import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useOpenSections } from './use_open_sections';

function screenIsWide(wide: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: wide, media: query }) as MediaQueryList);
}

describe('useOpenSections', () => {
  it('opens only what needs the user on a phone, and keeps what the user chose', () => {
    screenIsWide(false);
    const { result } = renderHook(() => useOpenSections(['a', 'b'], (id) => id === 'b'));
    expect([result.current.isOpen('a'), result.current.isOpen('b')]).toEqual([false, true]);
    act(() => result.current.setOpen('a', true));
    act(() => result.current.setOpen('b', false));
    expect([result.current.isOpen('a'), result.current.isOpen('b')]).toEqual([true, false]);
  });

  it('opens everything on a wide screen, also a section that appears later', () => {
    screenIsWide(true);
    const { result, rerender } = renderHook(({ ids }) => useOpenSections(ids, () => false), { initialProps: { ids: ['a'] } });
    rerender({ ids: ['a', 'later'] });
    expect(result.current.isOpen('later')).toBe(true);
  });
});
