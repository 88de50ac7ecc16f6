import { useCallback, useState } from 'react';

/** The `desktop` breakpoint of the design system (48em): wider screens have room for every section. */
const WIDE_SCREEN = '(min-width: 48em)';

function isWideScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(WIDE_SCREEN).matches;
}

export interface OpenSections {
  isOpen: (id: string) => boolean;
  setOpen: (id: string, open: boolean) => void;
  openAll: () => void;
}

/**
 * Which sections of a long page are open. On a wide screen every section is
 * open; on a phone those `startsOpen` picks (what needs doing), so the page
 * starts short and its index says where everything is (issue 11 item 13).
 * What the user opened or closed stays so; a section that appears later (the
 * training after a hire) or starts needing the user follows the same rule.
 * The screen is judged once: turning the phone does not fold what is open.
 */
export function useOpenSections(ids: readonly string[], startsOpen: (id: string) => boolean): OpenSections {
  const [wide] = useState(isWideScreen);
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const setOpen = useCallback((id: string, value: boolean) => {
    setChosen((previous) => new Map(previous).set(id, value));
  }, []);
  const openAll = useCallback(() => setChosen(new Map(ids.map((id) => [id, true]))), [ids]);
  return { isOpen: (id) => chosen.get(id) ?? (wide || startsOpen(id)), setOpen, openAll };
}
