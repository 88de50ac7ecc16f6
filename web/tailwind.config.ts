import type { Config } from 'tailwindcss';
import digitalAgencyTheme from '@digital-go-jp/tailwind-theme-plugin';

// The Digital Agency plugin brings the design system's colours, type scale
// (text-std-*, text-dns-*, ...), radii, shadows and the `desktop` breakpoint (48em).
// We only add the Japanese system fonts that follow Noto Sans JP, because the
// app must not download web fonts.
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: [
          '"Noto Sans JP"',
          '"Noto Sans CJK JP"',
          '-apple-system',
          'BlinkMacSystemFont',
          '"Hiragino Sans"',
          '"Hiragino Kaku Gothic ProN"',
          '"BIZ UDPGothic"',
          '"Yu Gothic UI"',
          'Meiryo',
          'sans-serif',
        ],
      },
    },
  },
  plugins: [digitalAgencyTheme],
} satisfies Config;
