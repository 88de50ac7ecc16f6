import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../shared/i18n/i18n';

// Components translate through i18next, so it must be running before any render.
initI18n();

afterEach(() => {
  cleanup();
});
