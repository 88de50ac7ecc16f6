// The package ships typings but its package.json "exports" hides them from
// TypeScript's bundler resolution; this restates the one export we use.
declare module '@digital-go-jp/tailwind-theme-plugin' {
  import type { Config, PluginCreator } from 'tailwindcss/types/config';
  const digitalAgencyTheme: { handler: PluginCreator; config?: Partial<Config> };
  export default digitalAgencyTheme;
}
