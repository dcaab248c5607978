// The fields of the API's user object (API-CONTRACT.md), sorted: what registration, sign-in and setup answer with.
export const USER_FIELDS = [
  'date_joined',
  'email',
  'first_name',
  'id',
  'is_active',
  'is_staff',
  'is_verified',
  'last_login',
  'last_name',
  'phone_number',
  'time_zone',
];
