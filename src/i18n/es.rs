//! Spanish.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Número de teléfono",
        Key::PhoneHint => "Elige el país y escribe el número como lo marcarías.",
        Key::SendCode => "Enviar código",
        Key::Sending => "Enviando…",
        Key::CodeLabel => "Introduce el código de {n} dígitos enviado al {phone}",
        Key::Verify => "Verificar",
        Key::Verifying => "Comprobando el código…",
        Key::Verified => "Tu número de teléfono está verificado.",
        Key::WrongCode => "Ese código no es correcto.",
        Key::AttemptsLeftOne => "Queda 1 intento",
        Key::AttemptsLeft => "Quedan {n} intentos",
        Key::Expired => "Este código ha caducado. Solicita un código nuevo para continuar.",
        Key::Locked => {
            "Demasiados códigos incorrectos. Solicita un código nuevo para volver a intentarlo."
        }
        Key::AlreadyUsed => "Este código ya se ha usado. Solicita un código nuevo para continuar.",
        Key::NotFound => {
            "No se encontró esta verificación. Solicita un código nuevo para continuar."
        }
        Key::NewCode => "Enviar un código nuevo",
        Key::Resend => "Reenviar código",
        Key::ResendIn => "Reenviar código en {time}",
        Key::ExpiresIn => "El código caduca en {time}",
        Key::ChangeNumber => "Cambiar número",
        Key::CallMe => "Prefiero una llamada",
        Key::RateLimited => "Demasiadas solicitudes. Inténtalo de nuevo en {time}.",
        Key::RateLimitedLater => "Demasiadas solicitudes. Inténtalo más tarde.",
        Key::Network => {
            "No se pudo conectar con el servidor. Comprueba tu conexión e inténtalo de nuevo."
        }
        Key::Timeout => "El servidor tardó demasiado en responder. Inténtalo de nuevo.",
        Key::Offline => "No tienes conexión. Conéctate a internet e inténtalo de nuevo.",
        Key::Server => "Algo salió mal por nuestra parte. Inténtalo de nuevo.",
        Key::BadPhone => "Un número de teléfono solo tiene dígitos, espacios y guiones.",
        Key::PhoneEmpty => "Introduce tu número de teléfono.",
        Key::PhoneCountryCode => "Ese prefijo de país no existe. Revisa los dígitos después de +.",
        Key::PhoneWithCountryCode => "Escribe el número completo con el prefijo del país, empezando por +.",
        Key::PhoneTooShort => "Este número es demasiado corto ({country}).",
        Key::PhoneTooLong => "Este número es demasiado largo ({country}).",
        Key::PhoneInvalidLength => {
            "Este número no tiene la cantidad correcta de dígitos ({country})."
        }
        Key::PhoneNotOffered => "Aquí no se aceptan números de este país ({country}).",
        Key::PhoneInvalid => "Este número no es válido en este país ({country}). Revise los dígitos.",
        Key::PhonePremium => "Los números de tarificación especial o de coste compartido no pueden recibir un código. Use su número de móvil.",
        Key::PhoneTollFree => "Los números gratuitos no pueden recibir un código. Use su número de móvil.",
        Key::PhoneTypeRefused => "Este tipo de número no puede recibir un código. Use su número de móvil.",
        Key::PhoneNoTexts => "Es un teléfono fijo: no puede recibir SMS. Use su número de móvil.",
        Key::CallingYou => "Le llamaremos para darle el código.",
        Key::Country => "País",
        Key::CountrySearch => "Buscar país",
        Key::CountryNone => "No se encontró ningún país",
        Key::CodeRefused => "El código solo tiene dígitos.",
        Key::Rejected => "Este número no puede recibir un código.",
        Key::SendAgainIn => "Podrás enviarlo de nuevo en {time}",
        Key::CodeIncomplete => "Introduce los {n} dígitos.",
        Key::CodeTooLong => "Son más de {n} dígitos. Revisa el código y vuelve a escribirlo.",
        Key::CodeResent => "Nuevo código enviado.",
        Key::NotReceived => "¿No recibiste el código?",
    }
}
