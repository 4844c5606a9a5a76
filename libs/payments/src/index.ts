export { PaymentKind, PaymentStatus, PaymentSkipReason, PaymentLine, type NewPaymentLine } from './payment.types';
export { PaymentLinesService } from './payment-lines.service';
export { PaymentsModule, paymentsDomain } from './payments.module';
export { MEETING_SOURCE } from './meeting-indemnities.service';
export { amountForMinutes, divideHalfUp, durationLabel } from './money';
