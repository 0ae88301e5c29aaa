/** Where the REST API is served; browser-safe, so pages can build its URLs. */
export const REST_BASE = "/api/v1";
