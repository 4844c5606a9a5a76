export * from './meetings.module';
export * from './meeting-owners';
export * from './meeting.types';
export * from './meeting-links';
export * from './meeting-calendar';
export * from './meetings.service';
export * from './meeting-poll.types';
export * from './action-item.types';
