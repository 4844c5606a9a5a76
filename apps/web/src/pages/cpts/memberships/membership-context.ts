// Stable across renders: ties these queries to every change of a membership, even when they showed none.
export const MEMBERSHIP_CONTEXT = { additionalTypenames: ['Membership', 'MembershipYear'] };
