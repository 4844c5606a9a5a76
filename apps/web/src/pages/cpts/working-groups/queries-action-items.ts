import { graphql } from '../../../gql';

/**
 * Every list of action items is read again after a change of one (urql's
 * document cache): an empty list has no type for the cache to follow.
 */
export const ACTION_ITEM_CONTEXT = { additionalTypenames: ['ActionItem'] };

const ActionItemFields = graphql(`
  fragment ActionItemFields on ActionItem {
    id
    ownerKind
    ownerId
    ownerName
    meetingId
    title
    assigneeName
    professionalId
    userId
    dueOn
    status
    statusAt
    statusBy
    statusByName
    overdue
    mine
  }
`);
void ActionItemFields;

export const ActionItemsDocument = graphql(`
  query ActionItems($filter: ActionItemFilter) {
    actionItems(filter: $filter) {
      ...ActionItemFields
    }
  }
`);

/** Who carries items in the CPTS, for the person filter of the CPTS-wide view (light: no titles). */
export const ActionItemPeopleDocument = graphql(`
  query ActionItemPeople {
    actionItems {
      id
      professionalId
      userId
      assigneeName
    }
  }
`);

export const CreateActionItemDocument = graphql(`
  mutation CreateActionItem($input: ActionItemInput!) {
    createActionItem(input: $input) {
      ...ActionItemFields
    }
  }
`);

export const SetActionItemStatusDocument = graphql(`
  mutation SetActionItemStatus($id: ID!, $status: ActionItemStatus!) {
    setActionItemStatus(id: $id, status: $status) {
      ...ActionItemFields
    }
  }
`);

/** The CPTS's team users (the team only may read it), to add to a group. */
export const GroupTeamUsersDocument = graphql(`
  query GroupTeamUsers {
    cptsTeam {
      user {
        id
        displayName
        email
      }
      roles
    }
  }
`);

/** Adds people to a group: professionals of the directory and users of the CPTS (team, board, members with an account). */
export const AddGroupPeopleDocument = graphql(`
  mutation AddGroupPeople($groupId: ID!, $professionalIds: [ID!], $userIds: [ID!], $role: WorkingGroupRole) {
    addWorkingGroupMembers(groupId: $groupId, professionalIds: $professionalIds, userIds: $userIds, role: $role) {
      id
      role
    }
  }
`);
