/** Answers the tests of this feature give for the server's reference data (GET /api/v1/reference/…). */

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const CATEGORIES = [
  { code: 'nurse', name: '看護師', name_en: 'Nurse' },
  { code: 'midwife', name: '助産師', name_en: 'Midwife' },
];

const TOKYO_AREAS = [
  { code: '1301', prefecture: '13', name: '区中央部', municipalities: ['131016'] },
  { code: '1302', prefecture: '13', name: '区南部', municipalities: [] },
];

const TOKYO_MUNICIPALITIES = [{ code: '131016', prefecture: '13', name: '千代田区', kana: 'チヨダク', area: '1301' }];
const OSAKA_MUNICIPALITIES = [{ code: '271284', prefecture: '27', name: '大阪市中央区', kana: 'オオサカシチュウオウク', area: '2701' }];

/** The server's search by name or kana, for these few municipalities (hiragana compared as katakana). */
function searchMunicipalities(query: string, prefecture: string | null) {
  const folded = query.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  return [...TOKYO_MUNICIPALITIES, ...OSAKA_MUNICIPALITIES].filter(
    (m) => (prefecture === null || m.prefecture === prefecture) && (m.name.includes(query) || m.kana.includes(folded)),
  );
}

export function answerReference(path: string): Response {
  if (path.startsWith('/api/v1/reference/categories')) {
    return jsonResponse({ items: CATEGORIES, total: CATEGORIES.length });
  }
  if (path === '/api/v1/reference/areas?prefecture=13') {
    return jsonResponse({ items: TOKYO_AREAS, total: TOKYO_AREAS.length });
  }
  if (path === '/api/v1/reference/municipalities?prefecture=13') {
    return jsonResponse({ items: TOKYO_MUNICIPALITIES, total: TOKYO_MUNICIPALITIES.length });
  }
  if (path.startsWith('/api/v1/reference/municipalities?q=')) {
    const params = new URL(path, 'http://localhost').searchParams;
    const items = searchMunicipalities(params.get('q') ?? '', params.get('prefecture'));
    return jsonResponse({ items, total: items.length });
  }
  return jsonResponse({ items: [], total: 0 });
}

/** The text an element is described by, following aria-describedby like a screen reader does. */
export function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}
