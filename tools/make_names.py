#!/usr/bin/env python3
"""A large, deterministic list of real-looking names for gazetteer benchmarks.

    python tools/make_names.py [-n 100000] [--seed 7] [--out names.tsv]

Writes a TSV (header: name, label, id) of unique names: Vietnamese persons (family + middle +
given names), foreign persons (given + family, some transliterated into Vietnamese syllables),
Vietnamese places (administrative words + place syllables), foreign places, and organizations
(heads such as "Công ty Cổ phần", "Bộ", "Ngân hàng" + a body). The parts are written here; the
combinations come from random.Random(seed), so the same arguments give the same file on every
machine. Names are NFC with tone marks in "hòa" style, like the built-in gazetteer.

A tenth of the ids are shared by two or three names (a variant spelling), so that benchmarks
exercise aliases as well. Import make_names(n, seed) to get the rows without a file.
"""
from __future__ import annotations

import argparse
import random
import sys
import unicodedata

VN_FAMILY = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương "
             "Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Quách Lương Đinh Cao Chu Lưu Kiều Thái Từ Khúc Triệu "
             "Doãn Âu Châu Giang La Mạc Nghiêm Ninh Tôn Văn Thân Kim Lục Khổng").split()
VN_MIDDLE = ("Văn Thị Hữu Đức Minh Thanh Quốc Ngọc Xuân Thu Hồng Kim Bảo Gia Quang Anh Đình Công Trọng "
             "Hoài Phương Thúy Diệu Mạnh Tuấn Khánh Hải Tiến Như Thế Bích Mỹ Việt Trung Nhật Duy").split()
VN_GIVEN = ("An Anh Bảo Bình Cường Chi Châu Dũng Dung Duy Đạt Điệp Giang Hà Hải Hạnh Hằng Hiền Hiếu "
            "Hòa Hoàng Hùng Hưng Hương Huy Huyền Khang Khoa Khôi Lan Liên Linh Loan Long Lộc Mai Minh "
            "My Nam Nga Ngân Nghĩa Ngọc Nhung Oanh Phong Phúc Phương Quân Quang Quyên Sơn Tâm Tân Thắng "
            "Thảo Thành Thịnh Thơ Thủy Tiến Toàn Trang Trí Trinh Trung Tú Tuấn Tùng Uyên Vân Việt Vinh "
            "Vy Xuân Yến Ánh Đông Kiên Lâm Nhân Phát Tài Thiện Khải Định Hiệp").split()
FOREIGN_GIVEN = ("John James Robert Michael William David Richard Thomas Charles Daniel Matthew Anthony "
                 "Mark Steven Paul Andrew Kevin Brian George Edward Mary Patricia Jennifer Linda Elizabeth "
                 "Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Sandra Ashley Emily Michelle Laura "
                 "Sergei Vladimir Dmitry Alexei Nikolai Ivan Mikhail Andrei Yuri Oleg Pavel Viktor Igor "
                 "Olga Tatiana Natalia Irina Svetlana Elena Anna Maria Ahmed Mohammed Ali Hassan Hussein "
                 "Omar Khalid Yusuf Ibrahim Mustafa Fatima Aisha Leila Hans Klaus Jurgen Wolfgang Stefan "
                 "Pierre Jean Jacques Francois Michel Louis Antoine Hiroshi Takeshi Kenji Yuki Haruto "
                 "Jiho Minjun Seojun Hyun Carlos Jose Luis Miguel Juan Pedro Diego Alejandro Giovanni "
                 "Marco Luca Matteo Lars Erik Anders Piotr Tomasz Krzysztof Ravi Arjun Vikram Priya").split()
FOREIGN_FAMILY = ("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson "
                  "Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott "
                  "Green Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans "
                  "Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper "
                  "Ivanov Petrov Smirnov Kuznetsov Popov Volkov Sokolov Lebedev Kozlov Novikov Morozov "
                  "Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov Fedorov Mikhailov Belyaev "
                  "Tarasov Belov Komarov Orlov Kiselev Makarov Andreev Kovalev Ilyin Gusev Titov Kuzmin "
                  "Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch "
                  "Dubois Durand Lefebvre Leroy Moreau Simon Laurent Michel Garcia Martinez Rodriguez "
                  "Lopez Gonzalez Hernandez Perez Sanchez Ramirez Torres Rossi Russo Ferrari Esposito "
                  "Bianchi Romano Colombo Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi "
                  "Kowalski Nowak Wisniewski Johansson Andersson Karlsson Nilsson Eriksson Larsson "
                  "Khan Rahman Hussain Haddad Mansour Nasser Farouk Sharma Patel Singh Gupta Reddy").split()
# Transliterated syllables ("Xéc-gây La-vrốp" style) for a share of foreign persons.
TRANSLIT = ("Xéc gây La vrốp Vla đi mia Pu tin Mát xcơ Na ta li a Ô li a Đi mi tri I van Pê tơ rốp "
            "Mi khai in Xmiếc nốp Giôn Xmít Mai cơn Giê mi Pôn Ri sát Tô mát Uy li am Gioóc giơ "
            "An đrây Ê len Ma ri a Ha xan A li Ô ma").split()
VN_PLACE = ("An Bình Hòa Phú Tân Thạnh Long Mỹ Phước Hưng Thuận Lợi Đông Tây Nam Bắc Trung Sơn Hải "
            "Giang Thủy Lâm Đức Minh Quang Thành Vĩnh Yên Hiệp Lộc Thọ Khánh Xuân Cát Hồng Ngọc Kim "
            "Thái Hà Lạc Cẩm Định Nghĩa Thiện Trà Vân Đồng Điền Hội Quới Hậu Thới Lai Dương Nhơn Linh "
            "Mai Tiên Phong Tường Châu Cư Sa Krông Buôn Ea Pơ Lang Đăk Kon Ia").split()
VN_ADMIN = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "tỉnh", "thành phố", "thôn", "ấp",
            "làng", "bản", "khu phố", "tổ dân phố")
FOREIGN_PLACE_A = ("Ber lin mar stad burg ville port field wood bridge ford ham ton chester mouth land "
                   "vale dale brook haven mont val san santa saint new north south east west lake "
                   "river cape grand little old upper lower").split()
FOREIGN_PLACE_B = ("Ashford Brookfield Clearwater Dunmore Eastwood Fairhaven Glenrock Harlow Ironwood "
                   "Kingsbridge Lakeview Maplewood Northgate Oakridge Pinecrest Queensbury Riverside "
                   "Silverton Thornbury Upton Valmont Westbrook Yarrow Zandvoort Almeria Bellavista "
                   "Castelnuovo Montebello Villanova Rocca Novigrad Belogorsk Krasnogorsk Zelenodolsk "
                   "Novoselsk Ustkamen Akbulak Karasu Saryagash Tashkala Dushanbar Margilon").split()
ORG_HEAD = ("Công ty Cổ phần", "Công ty TNHH", "Tập đoàn", "Ngân hàng Thương mại Cổ phần", "Ngân hàng",
            "Bộ", "Sở", "Ủy ban Nhân dân", "Hội đồng", "Trường Đại học", "Trường THPT", "Bệnh viện",
            "Viện", "Trung tâm", "Hiệp hội", "Tổng công ty", "Quỹ", "Liên đoàn", "Câu lạc bộ",
            "Công an", "Cục", "Tòa án Nhân dân", "Viện Kiểm sát Nhân dân", "Ban Quản lý")
ORG_BODY = ("Xây dựng,Thương mại,Dịch vụ,Đầu tư,Phát triển,Công nghệ,Thông tin,Truyền thông,Vận tải,"
            "Du lịch,Nông nghiệp,Thủy sản,Dầu khí,Điện lực,Năng lượng,Y tế,Giáo dục,Tài chính,Bảo hiểm,"
            "Chứng khoán,Bất động sản,Cơ khí,Dệt may,Thực phẩm,Dược phẩm,Môi trường,Khoa học,Kỹ thuật,"
            "Văn hóa,Thể thao,Ngoại giao,Quốc phòng,Công thương,Nội vụ,Tư pháp,Lao động,Xã hội,Tài nguyên,"
            "Giao thông,Hàng hải,Hàng không,Bưu chính,Viễn thông,Cảng biển,Khoáng sản,Cao su,Cà phê,"
            "Lương thực,Thép,Xi măng").split(",")
ORG_EN = ("Global International Pacific Atlantic United National Royal Eastern Western Northern Southern "
          "Capital Digital Green Blue Silver Golden Star Sun Ocean Mountain River Valley Summit Prime "
          "Alpha Delta Omega Nova Apex Vertex Zenith Horizon Pioneer Frontier Liberty Unity Harmony").split()
ORG_EN_TAIL = ("Holdings Group Corporation Partners Industries Logistics Energy Systems Technologies "
               "Capital Foundation Institute Alliance Network Solutions Ventures Airlines Motors Pharma").split()


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _one(rng: random.Random) -> tuple[str, str]:
    """One (name, label) drawn from the mix."""
    r = rng.random()
    if r < 0.34:
        parts = [rng.choice(VN_FAMILY)]
        parts += [rng.choice(VN_MIDDLE) for _ in range(rng.choice((0, 1, 1, 1, 2)))]
        parts.append(rng.choice(VN_GIVEN))
        return " ".join(parts), "PER"
    if r < 0.52:
        if rng.random() < 0.2:
            syl = [rng.choice(TRANSLIT) for _ in range(rng.randint(2, 3))]
            syl2 = [rng.choice(TRANSLIT) for _ in range(rng.randint(2, 3))]
            return "-".join(syl) + " " + "-".join(syl2), "PER"
        name = rng.choice(FOREIGN_GIVEN) + " " + rng.choice(FOREIGN_FAMILY)
        if rng.random() < 0.15:
            name = rng.choice(FOREIGN_GIVEN) + " " + name
        return name, "PER"
    if r < 0.72:
        body = " ".join(rng.choice(VN_PLACE) for _ in range(rng.choice((2, 2, 2, 3))))
        if rng.random() < 0.5:
            return rng.choice(VN_ADMIN) + " " + body, "LOC"
        return body, "LOC"
    if r < 0.80:
        if rng.random() < 0.5:
            a, b = rng.choice(FOREIGN_PLACE_A), rng.choice(FOREIGN_PLACE_A)
            name = (a + b).capitalize()
            if rng.random() < 0.3:
                name += " " + rng.choice(FOREIGN_PLACE_A).capitalize()
            return name, "LOC"
        name = rng.choice(FOREIGN_PLACE_B)
        return name + rng.choice(("", " City", " Heights", "-" + rng.choice(FOREIGN_PLACE_B))), "LOC"
    if rng.random() < 0.75:
        body = " ".join(rng.choice(ORG_BODY) for _ in range(rng.randint(1, 3)))
        tail = rng.choice(("", "", " " + rng.choice(VN_PLACE) + " " + rng.choice(VN_PLACE)))
        return rng.choice(ORG_HEAD) + " " + body + tail, "ORG"
    return rng.choice(ORG_EN) + " " + rng.choice(ORG_EN) + " " + rng.choice(ORG_EN_TAIL), "ORG"


def _variant(rng: random.Random, name: str) -> str:
    """Another written form of the same entity: hyphens, an acronym, or English word order."""
    words = name.split()
    if len(words) >= 3 and rng.random() < 0.5:
        return "".join(w[0] for w in words if w[0].isalpha()).upper() + " " + words[-1]
    if len(words) >= 2:
        return "-".join(words)
    return name + " " + rng.choice(("City", "Town", "Group"))


def make_names(n: int = 100_000, seed: int = 7) -> list[tuple[str, str, str]]:
    """n unique (name, label, id) rows; deterministic for (n, seed)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    rows: list[tuple[str, str, str]] = []
    serial = 0
    while len(rows) < n:
        name, label = _one(rng)
        name = _nfc(name)
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        serial += 1
        ident = f"x:{serial}"
        rows.append((name, label, ident))
        if len(rows) < n and rng.random() < 0.1:
            v = _nfc(_variant(rng, name))
            if v.casefold() not in seen:
                seen.add(v.casefold())
                rows.append((v, label, ident))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100_000, help="number of names (default 100000)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--out", default="-", help="output TSV (default: stdout)")
    args = ap.parse_args(argv)
    rows = make_names(args.n, args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="")
    try:
        out.write("name\tlabel\tid\n")
        for name, label, ident in rows:
            out.write(f"{name}\t{label}\t{ident}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
