// Public entry of the disclosure (投诉公示): the consented, masked listing, its Atom feed,
// and the throttle of public routes.
export { disclosure, type DisclosureItem, type DisclosurePage, type DisclosureQuery, type RespondentSummary } from './listing.ts';
export { atomFeed } from './feed.ts';
export { PUBLIC_REQUESTS_PER_MINUTE, throttlePublic } from './rate-limit.ts';
