//! Portuguese.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Número de telefone",
        Key::PhoneHint => "Escolha o país e digite o número como você o discaria.",
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
        Key::BadPhone => "Um número de telefone tem apenas dígitos, espaços e hífens.",
        Key::PhoneEmpty => "Digite seu número de telefone.",
        Key::PhoneCountryCode => "Esse código de país não existe. Confira os dígitos depois do +.",
        Key::PhoneWithCountryCode => "Digite o número completo com o código do país, começando com +.",
        Key::PhoneTooShort => "Este número é curto demais ({country}).",
        Key::PhoneTooLong => "Este número é longo demais ({country}).",
        Key::PhoneInvalidLength => "Este número não tem a quantidade certa de dígitos ({country}).",
        Key::PhoneNotOffered => "Números deste país não são aceitos aqui ({country}).",
        Key::PhoneInvalid => "Este número não é válido neste país ({country}). Confira os dígitos.",
        Key::PhonePremium => "Números de tarifa especial ou de custo compartilhado não podem receber um código. Use seu número de celular.",
        Key::PhoneTollFree => "Números gratuitos não podem receber um código. Use seu número de celular.",
        Key::PhoneTypeRefused => "Este tipo de número não pode receber um código. Use seu número de celular.",
        Key::PhoneNoTexts => "Este é um telefone fixo: ele não pode receber SMS. Use seu número de celular.",
        Key::CallingYou => "Vamos ligar para você com o código.",
        Key::Country => "País",
        Key::CountrySearch => "Pesquisar país",
        Key::CountryNone => "Nenhum país encontrado",
        Key::CodeRefused => "O código tem apenas dígitos.",
        Key::Rejected => "Este número não pode receber um código.",
        Key::SendAgainIn => "Pode enviar de novo em {time}",
        Key::CodeIncomplete => "Digite todos os {n} dígitos.",
        Key::CodeTooLong => "São mais de {n} dígitos. Confira o código e digite-o de novo.",
        Key::CodeResent => "Novo código enviado.",
        Key::NotReceived => "Não recebeu o código?",
    }
}
