/** The two colour themes of the site. */
export type Theme = 'light' | 'dark';

/** localStorage key of the learner's explicit choice; absent means "follow the system". */
export const THEME_KEY = 'kdc:theme';

/** The learner's stored choice wins; otherwise the system preference (prefers-color-scheme). */
export function resolveTheme(stored: string | null, prefersDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return prefersDark ? 'dark' : 'light';
}

/** The theme a toggle switches to. */
export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}
