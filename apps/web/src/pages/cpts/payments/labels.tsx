import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PaymentKind, PaymentStatus } from '../../../gql/graphql';
import '../../../i18n/calls';

export const KINDS: PaymentKind[] = ['INDEMNITY', 'REMUNERATION'];
export const STATUSES: PaymentStatus[] = ['TO_PAY', 'PAID', 'CANCELLED'];

const statusColor: Record<PaymentStatus, string> = { TO_PAY: 'yellow', PAID: 'teal', CANCELLED: 'gray' };

/** The years a page offers: this one and the five before (payments start with the platform). */
export const paymentYears = (thisYear: number): string[] => Array.from({ length: 6 }, (_, i) => String(thisYear - i));

/** "1 h 30", "2 h", "45 min": as the labels and the statement say it. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** "80,0 %" from the API's tenths of a percent (integers: no rounding here). */
export const formatPermille = (permille: number): string => `${Math.floor(permille / 10)},${permille % 10} %`;

/** From 80 % of the PASS, as the API warns. */
export const PASS_WARNING_PERMILLE = 800;

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none" miw="max-content">
      {t(`payments.status.${status}`)}
    </Badge>
  );
}

/** A share of the PASS; orange with a sign from 80 % (the colour only helps). */
export function PassShareBadge({ permille }: { permille: number | null }) {
  if (permille === null) return <>—</>;
  const warn = permille >= PASS_WARNING_PERMILLE;
  return (
    <Badge
      color={warn ? 'orange' : 'gray'}
      variant={warn ? 'filled' : 'light'}
      tt="none"
      miw="max-content"
      leftSection={warn ? <IconAlertTriangle size={12} aria-hidden /> : undefined}
    >
      {formatPermille(permille)}
    </Badge>
  );
}
