// The live `GET /api/` document: the seed's shape, read loosely because the API reference renders it generically.
import { request } from './client';

export const apiRoot = () => request<Record<string, unknown>>('/api/', { auth: false });
