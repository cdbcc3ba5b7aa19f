/// A SanteKit transport built on AsyncHTTPClient.
public enum SanteAsyncHTTPClient {}
