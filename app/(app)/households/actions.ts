'use server';

import { authedAction } from '@/lib/actions/authed-action';
import { searchHouseholds } from '@/lib/households/search';
import { searchParamsSchema } from '@/lib/households/search-input';

// A server action (a POST), not a GET form: names and resident IDs typed into the search box
// must not end up in URLs, browser history or access logs.
export const searchHouseholdsAction = authedAction(searchParamsSchema, (user, params) => searchHouseholds(user, params));
