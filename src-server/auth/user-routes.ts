// `/api/auth/` account endpoints: the caller's profile, and the therapist's list, activation and deletion of users.
import type * as Api from '../../src-shared/api-types.js';
import type { ServerCore } from '../core.js';
import { caller } from '../http/caller.js';
import { PAGING_DOC, paginate } from '../http/pagination.js';
import { operation, type Endpoint } from '../http/route-table.js';
import { getProfile, updateProfile } from './profile.js';
import { deleteUserQuery, profileBody, userListQuery } from './schemas.js';
import { deleteUser, listUsers, toggleActive } from './user-admin.js';
import { presentUser } from './user-presenter.js';

const ADMIN_ONLY = 'Required (Admin users only)';
const USERS_ONLY = 'Required (Authenticated users only)';

export function userEndpoints(core: ServerCore): Endpoint[] {
  const toggle = operation({
    access: 'staff',
    summary: 'Activate or deactivate a user',
    handler: async ({ principal, params }) => {
      const user = await toggleActive(core, caller(principal).id, params.pk);
      return { body: { message: `User ${user.email} has been ${user.is_active ? 'activated' : 'deactivated'}.`, user: presentUser(user) } };
    },
  });
  const remove = operation({
    access: 'staff',
    summary: 'Delete a user and their appointments',
    query: deleteUserQuery,
    handler: async ({ principal, params, query }) => {
      const user = await deleteUser(core, caller(principal).id, params.pk, { purge: query.purge === 'true' });
      return { body: { message: `User ${user.email} has been deleted.`, user: presentUser(user) } };
    },
  });

  return [
    {
      key: 'update_profile',
      section: 'authentication',
      path: '/api/auth/profile/update/',
      doc: {
        description: 'Update user profile (Authenticated users only)',
        authentication: USERS_ONLY,
        // A partial update: each field may be left out (the seed listed them as required).
        required_fields: [],
        optional_fields: ['first_name', 'last_name', 'phone_number', 'time_zone'],
        example_request: { first_name: 'John', last_name: 'Doe', phone_number: '+1234567890' },
      },
      methods: {
        PATCH: operation({
          access: 'user',
          summary: "Change the caller's name and phone number",
          body: profileBody,
          handler: async ({ principal, body }) => ({ body: { user: presentUser(await updateProfile(core, caller(principal).id, body)) } }),
        }),
      },
    },
    {
      key: 'get_profile',
      section: 'authentication',
      path: '/api/auth/profile/',
      doc: {
        description: 'Get user profile (Authenticated users only)',
        authentication: USERS_ONLY,
        response_fields: { user: 'User object' },
      },
      methods: {
        GET: operation({
          access: 'user',
          summary: "The caller's account",
          handler: async ({ principal }) => ({ body: { user: presentUser(await getProfile(core, caller(principal).id)) } }),
        }),
      },
    },
    {
      key: 'all-users',
      section: 'authentication',
      path: '/api/auth/all-users/',
      doc: {
        description: 'Get all users (Admin only)',
        authentication: ADMIN_ONLY,
        query_parameters: { search: 'Part of an email address or name', ...PAGING_DOC },
        response_fields: {
          users: 'List of user objects',
          count: 'Number of matching users',
          next: 'URL of the next page or null',
          previous: 'URL of the previous page or null',
        },
      },
      methods: {
        GET: operation({
          access: 'staff',
          summary: 'List and search users, newest first',
          query: userListQuery,
          handler: async ({ query, request }) => {
            const { results, ...links } = await paginate(
              request,
              query,
              async (window) => {
                const { count, users } = await listUsers(core, { search: query.search, ...window });
                return { count, rows: users };
              },
              presentUser,
            );
            return { body: { users: results, ...links } satisfies Api.UserList };
          },
        }),
      },
    },
    {
      key: 'activate-deactivate-user',
      section: 'authentication',
      path: '/api/auth/activate-deactivate-user/<uuid:pk>/',
      doc: {
        description: 'Activate or deactivate a user (Admin only)',
        authentication: ADMIN_ONLY,
        response_fields: { user: 'User object' },
      },
      methods: { GET: toggle, POST: toggle },
    },
    {
      key: 'delete-user',
      section: 'authentication',
      path: '/api/auth/delete-user/<uuid:pk>/',
      doc: {
        description: 'Delete a user (Admin only); a client with session notes or invoices is a 409 has_records unless ?purge=true',
        authentication: ADMIN_ONLY,
        query_parameters: { purge: "true: also delete the client's session notes and invoices" },
        response_fields: { user: 'User object' },
      },
      methods: { GET: remove, DELETE: remove },
    },
  ];
}
