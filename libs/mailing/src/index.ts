export * from './campaign.entity';
export * from './migrations';
export * from './delivery/campaign-email';
export * from './delivery/campaign-dispatcher';
export * from './delivery/campaign-delivery.processor';
export * from './delivery/campaign-reconciler';
export * from './delivery/tenant-rate';
export * from './delivery/failures-digest';
