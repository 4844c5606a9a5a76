import { graphql } from '../../../gql';

/** The library's lists may come back empty: urql's document cache is told which types they hold. */
export const RESOURCE_CONTEXT = { additionalTypenames: ['Resource', 'ResourceAdoption', 'ResourceVersion', 'ResourceUsage'] };

const ResourceContentFields = graphql(`
  fragment ResourceContentFields on ResourceContent {
    kind
    title
    intro
    body
    objective
    mission
    actions
    questions {
      type
      label
      options
      required
    }
    indicators {
      label
      kind
      unit
      target
    }
  }
`);
void ResourceContentFields;

export const RegionResourcesDocument = graphql(`
  query RegionResources($search: String, $category: ResourceCategory) {
    regionResources(search: $search, category: $category) {
      id
      title
      description
      category
      currentVersion
      updatedAt
    }
  }
`);

export const RegionResourceDocument = graphql(`
  query RegionResource($id: ID!) {
    regionResource(id: $id) {
      id
      title
      description
      category
      currentVersion
      versions {
        version
        note
        publishedAt
        content {
          ...ResourceContentFields
        }
        files {
          documentId
          fileName
          bytes
          url
        }
      }
    }
    resourceUsage(resourceId: $id) {
      adoptions
      downloads
      cpts {
        cptsId
        cptsName
        adoptedVersion
        adapted
        adoptedAt
        downloads
      }
    }
  }
`);

export const PublishResourceDocument = graphql(`
  mutation PublishResource($input: PublishResourceInput!) {
    publishResource(input: $input) {
      id
      title
    }
  }
`);

export const PublishResourceVersionDocument = graphql(`
  mutation PublishResourceVersion($input: PublishResourceVersionInput!) {
    publishResourceVersion(input: $input) {
      id
      title
      currentVersion
    }
  }
`);

export const LibraryResourcesDocument = graphql(`
  query LibraryResources($search: String, $category: ResourceCategory) {
    libraryResources(search: $search, category: $category) {
      id
      title
      description
      category
      currentVersion
      updatedAt
      myAdoptionId
    }
  }
`);

export const AdoptResourceDocument = graphql(`
  mutation AdoptResource($resourceId: ID!) {
    adoptResource(resourceId: $resourceId) {
      id
    }
  }
`);

const AdoptionFields = graphql(`
  fragment AdoptionFields on ResourceAdoption {
    id
    resourceId
    category
    title
    adoptedVersion
    latestVersion
    updateAvailable
    adapted
    adaptedAt
    adoptedAt
    content {
      ...ResourceContentFields
    }
    files {
      documentId
      fileName
      bytes
      url
    }
  }
`);
void AdoptionFields;

export const ResourceAdoptionsDocument = graphql(`
  query ResourceAdoptions {
    resourceAdoptions {
      ...AdoptionFields
    }
  }
`);

export const ResourceAdoptionDocument = graphql(`
  query ResourceAdoption($id: ID!) {
    resourceAdoption(id: $id) {
      ...AdoptionFields
    }
  }
`);

export const ResourceUpdateDiffDocument = graphql(`
  query ResourceUpdateDiff($id: ID!) {
    resourceUpdateDiff(adoptionId: $id) {
      fromVersion
      toVersion
      note
      adapted
      changes {
        kind
        label
        before
        after
        lines {
          kind
          text
        }
      }
    }
  }
`);

export const AdaptResourceAdoptionDocument = graphql(`
  mutation AdaptResourceAdoption($input: AdaptResourceAdoptionInput!) {
    adaptResourceAdoption(input: $input) {
      ...AdoptionFields
    }
  }
`);

export const TakeResourceUpdateDocument = graphql(`
  mutation TakeResourceUpdate($id: ID!) {
    takeResourceUpdate(adoptionId: $id) {
      ...AdoptionFields
    }
  }
`);

export const DismissResourceUpdateDocument = graphql(`
  mutation DismissResourceUpdate($id: ID!) {
    dismissResourceUpdate(adoptionId: $id) {
      ...AdoptionFields
    }
  }
`);
