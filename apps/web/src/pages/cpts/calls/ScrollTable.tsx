import { Table, type TableScrollContainerProps } from '@mantine/core';

/**
 * A table that scrolls sideways on a narrow screen: its scrolling box takes
 * the keyboard's focus and is named (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, ...props }: TableScrollContainerProps & { label: string }) {
  return <Table.ScrollContainer {...props} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': label } }} />;
}
