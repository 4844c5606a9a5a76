import { Button, Group, Modal, Stack, type MantineColor, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog's own button: what it says and does. */
export interface DialogAction {
  label: string;
  /** Without it, the button submits the dialog's form. */
  onClick?: () => void;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
  leftSection?: ReactNode;
}

/** A dialog's last line: "Annuler" (or what the page says better), then the dialog's own button. */
export function DialogButtons({
  onCancel,
  cancelLabel,
  action,
  mt,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  action: DialogAction;
  mt?: MantineSpacing;
}) {
  const { t } = useTranslation();
  const { label, onClick, ...button } = action;
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button {...button} {...(onClick ? { onClick } : { type: 'submit' as const })}>
        {label}
      </Button>
    </Group>
  );
}

/**
 * A dialog that asks before acting: what will happen (the children, and any
 * setting the action takes), then "Annuler" and the action's button.
 */
export function ConfirmModal({
  opened = true,
  onClose,
  title,
  children,
  action,
  cancelLabel,
  gap = 'md',
}: {
  opened?: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  action: DialogAction & { onClick: () => void };
  /** "Annuler" unless the page says better ("Continuer l'envoi" when the action is to cancel). */
  cancelLabel?: string;
  gap?: MantineSpacing;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap={gap}>
        {children}
        <DialogButtons onCancel={onClose} cancelLabel={cancelLabel} action={action} />
      </Stack>
    </Modal>
  );
}
