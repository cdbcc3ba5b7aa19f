@_exported public import ProSanteConnect
@_exported public import SanteCore
@_exported public import SanteDMP
@_exported public import SanteHTTP
@_exported public import SanteNotify
@_exported public import SanteOpenData
