//! Portuguese.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Número de telefone",
        Key::PhoneHint => "Com o código do país, por exemplo +55 11 91234 5678",
        Key::SendCode => "Enviar código",
        Key::Sending => "Enviando…",
        Key::CodeLabel => "Digite o código de {n} dígitos enviado para {phone}",
        Key::Verify => "Verificar",
        Key::Verifying => "Verificando o código…",
        Key::Verified => "Seu número de telefone foi verificado.",
        Key::WrongCode => "Esse código não está correto.",
        Key::AttemptsLeftOne => "1 tentativa restante",
        Key::AttemptsLeft => "{n} tentativas restantes",
        Key::Expired => "Este código expirou. Envie um novo código para continuar.",
        Key::Locked => "Muitos códigos errados. Envie um novo código para tentar de novo.",
        Key::AlreadyUsed => "Este código já foi usado. Envie um novo código para continuar.",
        Key::NotFound => {
            "Esta verificação não foi encontrada. Envie um novo código para continuar."
        }
        Key::NewCode => "Enviar um novo código",
        Key::Resend => "Reenviar código",
        Key::ResendIn => "Reenviar código em {time}",
        Key::ExpiresIn => "O código expira em {time}",
        Key::ChangeNumber => "Mudar número",
        Key::CallMe => "Prefiro uma ligação",
        Key::RateLimited => "Muitas solicitações. Tente novamente em {time}.",
        Key::RateLimitedLater => "Muitas solicitações. Tente novamente mais tarde.",
        Key::Network => {
            "Não foi possível acessar o servidor. Verifique sua conexão e tente novamente."
        }
        Key::Timeout => "O servidor demorou demais para responder. Tente novamente.",
        Key::Offline => "Você está offline. Conecte-se à internet e tente novamente.",
        Key::Server => "Algo deu errado do nosso lado. Tente novamente.",
        Key::BadPhone => "Digite o número com o código do país, começando com +.",
        Key::CodeRefused => "O código tem apenas dígitos.",
        Key::Rejected => "Este número não pode receber um código.",
    }
}
