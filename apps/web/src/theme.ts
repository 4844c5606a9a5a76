import { createTheme, type BadgeProps, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm health blue, dark enough at shade 7 for white text (WCAG AA).
const brand: MantineColorsTuple = ['#e8f1fa', '#cfe0f2', '#a0c0e4', '#6d9fd6', '#437fc7', '#2a6bb8', '#1f63ad', '#1c5d99', '#164a7a', '#0f375c'];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
  colors: { brand },
  autoContrast: true,
  luminanceThreshold: 0.35,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // People who ask their system for less motion get no transitions (modals, menus, notifications).
  respectReducedMotion: true,
  // Plain objects, not Component.extend(): importing a component here would put it, and what it uses (Select: the
  // combobox and floating-ui), in the first script of every page, public ones included.
  components: {
    // Mantine's built-in labels are English: French ones here.
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Afficher ou masquer le mot de passe' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    },
    MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': 'Tout effacer' } } },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Effacer' } } },
    // Alert titles in the dark text colour: the coloured ones miss AA contrast on their pale background.
    Alert: { styles: { title: { color: 'var(--mantine-color-dark-7)' } } },
    // Light badges: text at the darkest shade (AA on the pale background); the pale hues get dark text.
    Badge: {
      defaultProps: { variant: 'light' },
      vars: (_theme: unknown, props: BadgeProps) => {
        if ((props.variant ?? 'light') !== 'light' || typeof props.color !== 'string' || props.color.includes('.')) return { root: {} };
        const pale = ['orange', 'yellow', 'lime', 'teal', 'cyan', 'green'].includes(props.color);
        return { root: { '--badge-color': pale ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${props.color}-9)` } };
      },
    },
    // Links are underlined: colour alone does not tell a link from text (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/** Dimmed text dark enough for AA contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});
