// Stylesheets are bundled by Vite; the empty body matches vite/client's own declaration so both can coexist.
declare module '*.css' {}
