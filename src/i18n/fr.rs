//! French.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Numéro de téléphone",
        Key::PhoneHint => "Choisissez le pays, puis saisissez le numéro comme vous le composez.",
        Key::SendCode => "Envoyer le code",
        Key::Sending => "Envoi…",
        Key::CodeLabel => "Saisissez le code à {n} chiffres envoyé au {phone}",
        Key::Verify => "Vérifier",
        Key::Verifying => "Vérification du code…",
        Key::Verified => "Votre numéro de téléphone est vérifié.",
        Key::WrongCode => "Ce code n’est pas correct.",
        Key::AttemptsLeftOne => "1 tentative restante",
        Key::AttemptsLeft => "{n} tentatives restantes",
        Key::Expired => "Ce code a expiré. Demandez un nouveau code pour continuer.",
        Key::Locked => "Trop de codes erronés. Demandez un nouveau code pour réessayer.",
        Key::AlreadyUsed => "Ce code a déjà été utilisé. Demandez un nouveau code pour continuer.",
        Key::NotFound => {
            "Cette vérification est introuvable. Demandez un nouveau code pour continuer."
        }
        Key::NewCode => "Recevoir un nouveau code",
        Key::Resend => "Renvoyer le code",
        Key::ResendIn => "Renvoyer le code dans {time}",
        Key::ExpiresIn => "Le code expire dans {time}",
        Key::ChangeNumber => "Changer de numéro",
        Key::CallMe => "M’appeler plutôt",
        Key::RateLimited => "Trop de demandes. Réessayez dans {time}.",
        Key::RateLimitedLater => "Trop de demandes. Réessayez plus tard.",
        Key::Network => "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
        Key::Timeout => "Le serveur a mis trop de temps à répondre. Réessayez.",
        Key::Offline => "Vous êtes hors ligne. Connectez-vous à Internet et réessayez.",
        Key::Server => "Une erreur s’est produite de notre côté. Réessayez.",
        Key::BadPhone => {
            "Un numéro de téléphone ne contient que des chiffres, des espaces et des tirets."
        }
        Key::PhoneEmpty => "Saisissez votre numéro de téléphone.",
        Key::PhoneCountryCode => {
            "Cet indicatif de pays n’existe pas. Vérifiez les chiffres après le +."
        }
        Key::PhoneWithCountryCode => "Saisissez le numéro complet avec l’indicatif du pays, en commençant par +.",
        Key::PhoneTooShort => "Ce numéro est trop court ({country}).",
        Key::PhoneTooLong => "Ce numéro est trop long ({country}).",
        Key::PhoneInvalidLength => "Ce numéro n’a pas le bon nombre de chiffres ({country}).",
        Key::PhoneNotOffered => "Les numéros de ce pays ne sont pas acceptés ici ({country}).",
        Key::PhoneInvalid => "Ce numéro n'est pas valide dans ce pays ({country}). Vérifiez les chiffres.",
        Key::PhonePremium => "Les numéros surtaxés ou à coût partagé ne peuvent pas recevoir de code. Utilisez votre numéro de mobile.",
        Key::PhoneTollFree => "Les numéros gratuits ne peuvent pas recevoir de code. Utilisez votre numéro de mobile.",
        Key::PhoneTypeRefused => "Ce type de numéro ne peut pas recevoir de code. Utilisez votre numéro de mobile.",
        Key::PhoneNoTexts => "C'est un numéro fixe : il ne peut pas recevoir de SMS. Utilisez votre numéro de mobile.",
        Key::CallingYou => "Nous allons vous appeler pour vous donner le code.",
        Key::Country => "Pays",
        Key::CountrySearch => "Rechercher un pays",
        Key::CountryNone => "Aucun pays trouvé",
        Key::CodeRefused => "Le code ne contient que des chiffres.",
        Key::Rejected => "Ce numéro ne peut pas recevoir de code.",
        Key::SendAgainIn => "Nouvel envoi possible dans {time}",
        Key::CodeIncomplete => "Saisissez les {n} chiffres.",
        Key::CodeTooLong => {
            "Cela fait plus de {n} chiffres. Vérifiez le code et saisissez-le à nouveau."
        }
        Key::CodeResent => "Nouveau code envoyé.",
        Key::NotReceived => "Vous n’avez pas reçu de code ?",
    }
}
