import { ActionIcon, Button, Group } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

/**
 * The buttons of a list of rows typed in a form (an agenda, the decisions of
 * the minutes, a poll's slots): remove this row, beside the row's fields
 * (level with their inputs, under the labels), and add a row, under the list.
 */
export function RemoveRowButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <ActionIcon variant="subtle" color="red" c="red.9" size="lg" mt={26} aria-label={label} disabled={disabled} onClick={onClick}>
      <IconTrash size={18} />
    </ActionIcon>
  );
}

export function AddRowButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <Group>
      <Button variant="default" size="compact-sm" leftSection={<IconPlus size={14} />} disabled={disabled} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}
