import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { changeLanguage, currentLanguage, initI18n } from '../shared/i18n/i18n';

// Components translate through i18next, so it must be running before any render.
initI18n();

// The test files share one page (vite.config.ts: isolate false), so each test leaves it as the next one expects:
// nothing rendered, real timers, empty storage, Japanese (stubbed globals: unstubGlobals in vite.config.ts).
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  window.localStorage.clear();
  window.sessionStorage.clear();
  if (currentLanguage() !== 'ja') await changeLanguage('ja');
});
