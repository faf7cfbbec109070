// The dashboard feature's public surface (dependency-cruiser: web-features-meet-through-index): no other feature
// uses its code today; its pages are loaded lazily by web/routes.tsx, file by file, so they are not re-exported.
export {};
